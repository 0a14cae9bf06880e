package app.funnel.dashboard.ui;

import app.funnel.base.CsvExport;
import app.funnel.base.ui.CsvDownload;
import app.funnel.dashboard.DashboardService;
import app.funnel.dashboard.Handoff;
import app.funnel.lead.LeadSource;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The handoff from marketing to sales: SQLs past their first-touch deadline now, handoffs of the
 * period, the median time to first touch, the share returned to marketing, and the latest returns
 * with the reason sales gave (each opens its lead).
 */
final class HandoffFigure extends DashboardFigure {

    private final DashboardService dashboard;
    private final Locale locale;
    private final Div tiles = new Div();
    private final Grid<Handoff.Return> returns = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final FigureCard card;
    private @Nullable Handoff handoff;

    HandoffFigure(DashboardService dashboard, Locale locale) {
        super(locale);
        this.dashboard = dashboard;
        this.locale = locale;
        tiles.addClassName("funnel-kpis");
        returns.setId("handoff-returns");
        returns.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        returns.addComponentColumn(r -> new Anchor("leads/" + r.leadId(), r.lead())).setHeader(t("dashboard.col.lead"))
                .setFlexGrow(1);
        returns.addColumn(Handoff.Return::by).setHeader(t("dashboard.col.returned-by")).setAutoWidth(true);
        returns.addColumn(r -> day.format(r.at().atZone(app.funnel.base.ui.Messages.zone(com.vaadin.flow.component.UI.getCurrent())))).setHeader(t("dashboard.col.when"))
                .setAutoWidth(true);
        returns.addColumn(Handoff.Return::reason).setHeader(t("dashboard.col.reason")).setFlexGrow(2);
        returns.setAllRowsVisible(true);
        CsvDownload csv = new CsvDownload("handoff.csv", (delimiter, out) -> {
            Handoff shown = handoff;
            try (CsvExport export = new CsvExport(out, delimiter, List.of("figure", "value", "lead_id", "reason"))) {
                if (shown != null) {
                    export.row("sqls_past_first_touch_deadline_now", shown.overdueNow(), "", "");
                    export.row("handed_over", shown.handedOver(), "", "");
                    export.row("touched", shown.touched(), "", "");
                    export.row("median_hours_to_first_touch",
                            shown.medianHoursToTouch() == null ? "" : shown.medianHoursToTouch(), "", "");
                    export.row("returned_to_marketing", shown.returned(), "", "");
                    for (Handoff.Return r : shown.latestReturns()) {
                        export.row("return", r.at().toString(), r.leadId(), r.reason());
                    }
                }
            }
        });
        csv.linkId("handoff-csv");
        Paragraph latest = new Paragraph(t("dashboard.handoff-latest"));
        latest.addClassName("funnel-muted");
        card = new FigureCard("handoff", t("dashboard.handoff"), new Div(tiles, latest, returns), csv, summary,
                t("dashboard.handoff-note"));
    }

    @Override
    FigureCard card() {
        return card;
    }

    @Override
    void show(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        Handoff shown = dashboard.handoff(from, to, source, owner);
        handoff = shown;
        tiles.removeAll();
        tiles.add(tile("handoff-overdue", number(shown.overdueNow()), t("dashboard.handoff.overdue"), shown.overdueNow() > 0));
        tiles.add(tile("handoff-handed", number(shown.handedOver()), t("dashboard.handoff.handed"), false));
        tiles.add(tile("handoff-touch", shown.medianHoursToTouch() == null ? "–" : hours(shown.medianHoursToTouch()),
                t("dashboard.handoff.touch", number(shown.touched())), false));
        tiles.add(tile("handoff-returned", percent(shown.returnedPercent()),
                t("dashboard.handoff.returned", number(shown.returned())), false));
        returns.setItems(shown.latestReturns());
        returns.setVisible(!shown.latestReturns().isEmpty());
        summary.setText(t("dashboard.handoff-summary", label(from), label(to)));
    }

    private String hours(double hours) {
        return hours < 48 ? String.format(locale, "%.0f h", hours) : String.format(locale, "%.1f d", hours / 24);
    }

    private static Div tile(String id, String value, String caption, boolean alert) {
        Span big = new Span(value);
        big.addClassName("funnel-kpi-value");
        Span small = new Span(caption);
        small.addClassName("funnel-kpi-caption");
        Div tile = new Div(big, small);
        tile.setId(id);
        tile.addClassName("funnel-kpi");
        if (alert) {
            tile.addClassName("alert");
        }
        return tile;
    }
}
