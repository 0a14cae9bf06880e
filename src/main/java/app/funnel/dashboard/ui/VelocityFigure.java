package app.funnel.dashboard.ui;

import app.funnel.base.CsvExport;
import app.funnel.base.ui.Chart;
import app.funnel.base.ui.CsvDownload;
import app.funnel.dashboard.DashboardService;
import app.funnel.dashboard.Velocity;
import app.funnel.lead.LeadSource;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Velocity: the median and 80th-percentile days spent in each lead status and deal stage. */
final class VelocityFigure extends DashboardFigure {

    private final DashboardService dashboard;
    private final Chart chart = new Chart();
    private final Grid<Velocity> table = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final FigureCard card;
    private List<Velocity> rows = List.of();

    VelocityFigure(DashboardService dashboard, Locale locale) {
        super(locale);
        this.dashboard = dashboard;
        chart.setId("velocity-chart");
        table.setId("velocity-table");
        table.addColumn(v -> stage(v.stage())).setHeader(t("dashboard.col.stage"));
        table.addColumn(v -> number(v.stays())).setHeader(t("dashboard.col.stays"));
        table.addColumn(v -> v.stays() == 0 ? "" : days(v.medianDays())).setHeader(t("dashboard.col.median-days"));
        table.addColumn(v -> v.stays() == 0 ? "" : days(v.p80Days())).setHeader(t("dashboard.col.p80-days"));
        table.setAllRowsVisible(true);
        CsvDownload csv = new CsvDownload("velocity.csv", (delimiter, out) -> {
            try (CsvExport export = new CsvExport(out, delimiter, List.of("stage", "stays", "median_days", "p80_days"))) {
                for (Velocity v : rows) {
                    export.row(v.stage(), v.stays(), String.format(Locale.ROOT, "%.2f", v.medianDays()),
                            String.format(Locale.ROOT, "%.2f", v.p80Days()));
                }
            }
        });
        csv.linkId("velocity-csv");
        card = new FigureCard("velocity", t("dashboard.velocity"), chart, table, csv, summary, t("dashboard.velocity-note"));
    }

    @Override
    FigureCard card() {
        return card;
    }

    @Override
    void show(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        // statuses nobody left in the period (for sales, the marketing ones) would only be empty bars
        rows = dashboard.velocity(from, to, source, owner).stream().filter(v -> v.stays() > 0).toList();
        table.setItems(rows);
        chart.setOption(option());
        summary.setText(t("dashboard.velocity-summary", number(rows.stream().mapToLong(Velocity::stays).sum())));
    }

    private String stage(String stage) {
        return List.of("NEW", "MQL", "SQL").contains(stage) ? t("status." + stage) : t("stage." + stage);
    }

    private String option() {
        ObjectNode option = baseOption(10, 50, 30);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("xAxis").put("type", "value");
        ObjectNode yAxis = option.putObject("yAxis").put("type", "category").put("inverse", true);
        ArrayNode categories = yAxis.putArray("data");
        rows.forEach(v -> categories.add(stage(v.stage())));
        ArrayNode series = option.putArray("series");
        String[][] kinds = {{"dashboard.col.median-days", "#1e4fd8"}, {"dashboard.col.p80-days", "#8eabf8"}};
        for (int k = 0; k < kinds.length; k++) {
            ObjectNode bars = series.addObject().put("type", "bar").put("name", t(kinds[k][0]));
            bars.putObject("itemStyle").put("color", kinds[k][1]).put("borderRadius", 3);
            bars.putObject("label").put("show", true).put("position", "right").put("fontSize", 11);
            ArrayNode data = bars.putArray("data");
            for (Velocity v : rows) {
                data.add(Math.round((k == 0 ? v.medianDays() : v.p80Days()) * 10) / 10.0);
            }
        }
        return JSON.writeValueAsString(option);
    }
}
