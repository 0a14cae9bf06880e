package app.funnel.dashboard.ui;

import app.funnel.lead.LeadSource;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One figure of the dashboard page: it reads its figures from the service when the filters change. */
abstract class DashboardFigure {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Locale locale;

    DashboardFigure(Locale locale) {
        this.locale = locale;
    }

    /** The card that shows the figure. */
    abstract FigureCard card();

    /** Reads the figure for the months, source and owner (null: any) and shows it. */
    abstract void show(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner);

    String t(String key, Object... arguments) {
        return com.vaadin.flow.i18n.I18NProvider.translate(locale, key, arguments);
    }

    String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    String percent(double value) {
        return String.format(locale, "%.1f %%", value);
    }

    /** Days with one decimal. */
    String days(double value) {
        return String.format(locale, "%.1f", value);
    }

    String label(YearMonth month) {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, locale) + " " + month.getYear();
    }

    /** A plain grid and legend shared by the figures' charts. */
    static ObjectNode baseOption(int left, int right, int top) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("grid").put("left", left).put("right", right).put("top", top).put("bottom", 10)
                .put("containLabel", true);
        option.putObject("legend").put("top", 0);
        return option;
    }

    /** Text for a chart's tooltip or label: without markup, whatever a user typed. */
    static String plain(String text) {
        return text.replace('<', '‹').replace('>', '›');
    }
}
