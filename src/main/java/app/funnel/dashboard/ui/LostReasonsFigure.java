package app.funnel.dashboard.ui;

import app.funnel.base.CsvExport;
import app.funnel.base.ui.Chart;
import app.funnel.base.ui.CsvDownload;
import app.funnel.dashboard.DashboardService;
import app.funnel.dashboard.LostReasonRow;
import app.funnel.lead.LeadSource;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Lost reasons: the deals lost in the period per reason, the most frequent first. */
final class LostReasonsFigure extends DashboardFigure {

    private final DashboardService dashboard;
    private final Chart chart = new Chart();
    private final Grid<LostReasonRow> table = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final FigureCard card;
    private List<LostReasonRow> rows = List.of();

    LostReasonsFigure(DashboardService dashboard, Locale locale) {
        super(locale);
        this.dashboard = dashboard;
        chart.setId("lost-chart");
        chart.addClickListener(e -> {
            if (e.dataIndex() >= 0 && e.dataIndex() < rows.size()) {
                open(rows.get(e.dataIndex()));
            }
        });
        table.setId("lost-table");
        table.addColumn(r -> t("lost." + r.reason())).setHeader(t("dashboard.col.reason"));
        table.addColumn(r -> number(r.deals())).setHeader(t("dashboard.col.deals"));
        table.addColumn(r -> percent(share(r))).setHeader(t("dashboard.col.share"));
        table.setAllRowsVisible(true);
        table.addItemClickListener(e -> open(e.getItem()));
        CsvDownload csv = new CsvDownload("lost-reasons.csv", (delimiter, out) -> {
            try (CsvExport export = new CsvExport(out, delimiter, List.of("reason", "deals"))) {
                for (LostReasonRow r : rows) {
                    export.row(r.reason(), r.deals());
                }
            }
        });
        csv.linkId("lost-csv");
        card = new FigureCard("lost", t("dashboard.lost"), chart, table, csv, summary, t("dashboard.lost-note"));
    }

    @Override
    FigureCard card() {
        return card;
    }

    @Override
    void show(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        remember(from, to, source, owner);
        rows = dashboard.lostReasons(from, to, source, owner);
        table.setItems(rows);
        chart.setOption(option());
        summary.setText(t("dashboard.lost-summary", number(rows.stream().mapToLong(LostReasonRow::deals).sum())));
    }

    /** The deals lost for the reason in the period (their last close). */
    private void open(LostReasonRow row) {
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("stage", "CLOSED_LOST");
        parameters.put("changedFrom", shownFrom.atDay(1).toString());
        parameters.put("changedTo", shownTo.atEndOfMonth().toString());
        parameters.put("lostReason", row.reason());
        openDeals(parameters);
    }

    private double share(LostReasonRow row) {
        long all = rows.stream().mapToLong(LostReasonRow::deals).sum();
        return all == 0 ? 0 : 100.0 * row.deals() / all;
    }

    private String option() {
        ObjectNode option = baseOption(10, 60, 10);
        option.remove("legend");
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("xAxis").put("type", "value").put("minInterval", 1);
        ArrayNode categories = option.putObject("yAxis").put("type", "category").put("inverse", true).putArray("data");
        ObjectNode bars = option.putArray("series").addObject().put("type", "bar").put("name", t("dashboard.col.deals"))
                .put("cursor", "pointer");
        bars.putObject("itemStyle").put("color", "#d9534f").put("borderRadius", 3);
        bars.putObject("label").put("show", true).put("position", "right");
        ArrayNode data = bars.putArray("data");
        for (LostReasonRow r : rows) {
            categories.add(t("lost." + r.reason()));
            data.add(r.deals());
        }
        return JSON.writeValueAsString(option);
    }
}
