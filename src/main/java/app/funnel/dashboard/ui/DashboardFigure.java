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

    final Locale locale;
    /** The filters last shown, for drill-downs. */
    YearMonth shownFrom = YearMonth.now();
    YearMonth shownTo = YearMonth.now();
    @Nullable LeadSource shownSource;
    @Nullable Long shownOwner;

    DashboardFigure(Locale locale) {
        this.locale = locale;
    }

    void remember(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        shownFrom = from;
        shownTo = to;
        shownSource = source;
        shownOwner = owner;
    }

    /**
     * Opens the opportunity grid filtered to the deals a bar counts: the parameters given, with the
     * figure's source and owner (sales: its own deals, as the server gave it).
     */
    void openDeals(java.util.Map<String, String> parameters) {
        openDeals(parameters, shownSource, shownOwner);
    }

    /**
     * Opens the opportunity grid with the parameters, the source and the owner asked for
     * (leadership and admin) or the user itself (sales: its own deals, as the server gave it).
     */
    static void openDeals(java.util.Map<String, String> parameters, @Nullable LeadSource source,
                          @Nullable Long askedOwner) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(parameters);
        app.funnel.security.CurrentUser me = app.funnel.security.CurrentUser.require();
        Long owner = askedOwner;
        if (!me.has(app.funnel.security.Role.LEADERSHIP) && !me.has(app.funnel.security.Role.ADMIN)) {
            owner = me.userId();
        }
        if (owner != null) {
            all.put("owner", owner.toString());
        }
        if (source != null) {
            all.put("source", source.name());
        }
        com.vaadin.flow.component.UI.getCurrent().navigate("opportunities",
                com.vaadin.flow.router.QueryParameters.simple(all));
    }

    /** The deals whose last change closed them so in a month of the period. */
    void openClosed(YearMonth month, String stage, @Nullable String lostReason) {
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("stage", stage);
        parameters.put("changedFrom", month.atDay(1).toString());
        parameters.put("changedTo", month.atEndOfMonth().toString());
        if (lostReason != null) {
            parameters.put("lostReason", lostReason);
        }
        openDeals(parameters);
    }

    /** The card that shows the figure. */
    abstract FigureCard card();

    /** Reads the figure for the months, source and owner (null: any) and shows it. */
    abstract void show(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner);

    String t(String key, Object... arguments) {
        return com.vaadin.flow.i18n.I18NProvider.translate(locale, key, arguments);
    }

    String number(long n) {
        return number(n, locale);
    }

    String percent(double value) {
        return percent(value, locale);
    }

    static String number(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    static String percent(double value, Locale locale) {
        return String.format(locale, "%.1f %%", value);
    }

    static String label(YearMonth month, Locale locale) {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, locale) + " " + month.getYear();
    }

    /** Days with one decimal. */
    String days(double value) {
        return String.format(locale, "%.1f", value);
    }

    String label(YearMonth month) {
        return label(month, locale);
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
