package app.funnel.dashboard.ui;

import app.funnel.base.CsvExport;
import app.funnel.base.ui.Chart;
import app.funnel.base.ui.CsvDownload;
import app.funnel.dashboard.DashboardService;
import app.funnel.dashboard.WinRate;
import app.funnel.lead.LeadSource;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Win rate: won and lost deals per month with the rate as a line; the table per owner. */
final class WinRateFigure extends DashboardFigure {

    private final DashboardService dashboard;
    private final Chart chart = new Chart();
    private final Grid<WinRate.Owner> table = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final FigureCard card;
    private WinRate rate = new WinRate(0, 0, List.of(), List.of());

    WinRateFigure(DashboardService dashboard, Locale locale) {
        super(locale);
        this.dashboard = dashboard;
        chart.setId("winrate-chart");
        chart.addClickListener(e -> {
            if (e.seriesIndex() <= 1 && e.dataIndex() >= 0 && e.dataIndex() < rate.months().size()) {
                openClosed(rate.months().get(e.dataIndex()).month(), e.seriesIndex() == 0 ? "CLOSED_WON" : "CLOSED_LOST",
                        null);
            }
        });
        table.setId("winrate-table");
        table.addColumn(WinRate.Owner::name).setHeader(t("dashboard.owner"));
        table.addColumn(o -> number(o.won())).setHeader(t("dashboard.col.won"));
        table.addColumn(o -> number(o.lost())).setHeader(t("dashboard.col.lost"));
        table.addColumn(o -> percent(o.percent())).setHeader(t("dashboard.col.win-rate"));
        table.setAllRowsVisible(true);
        CsvDownload csv = new CsvDownload("win-rate.csv", (delimiter, out) -> {
            try (CsvExport export = new CsvExport(out, delimiter, List.of("by", "month_or_owner", "won", "lost",
                    "win_rate_percent"))) {
                for (WinRate.Month m : rate.months()) {
                    export.row("month", m.month().toString(), m.won(), m.lost(),
                            String.format(Locale.ROOT, "%.1f", m.percent()));
                }
                for (WinRate.Owner o : rate.owners()) {
                    export.row("owner", o.name(), o.won(), o.lost(), String.format(Locale.ROOT, "%.1f", o.percent()));
                }
            }
        });
        csv.linkId("winrate-csv");
        card = new FigureCard("winrate", t("dashboard.winrate"), chart, table, csv, summary, t("dashboard.winrate-note"));
    }

    @Override
    FigureCard card() {
        return card;
    }

    @Override
    void show(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        remember(from, to, source, owner);
        rate = dashboard.winRate(from, to, source, owner);
        table.setItems(rate.owners());
        chart.setOption(option());
        summary.setText(t("dashboard.winrate-summary", percent(rate.percent()), number(rate.won()), number(rate.lost())));
    }

    private String option() {
        ObjectNode option = baseOption(10, 10, 40);
        option.putObject("tooltip").put("trigger", "axis");
        ArrayNode months = option.putObject("xAxis").put("type", "category").putArray("data");
        rate.months().forEach(m -> months.add(label(m.month())));
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").put("minInterval", 1);
        axes.addObject().put("type", "value").put("min", 0).put("max", 100).putObject("axisLabel")
                .put("formatter", "{value} %");
        ArrayNode series = option.putArray("series");
        ObjectNode won = series.addObject().put("type", "bar").put("stack", "closed").put("name", t("dashboard.col.won"))
                .put("cursor", "pointer");
        won.putObject("itemStyle").put("color", "#1a8f3c");
        ObjectNode lost = series.addObject().put("type", "bar").put("stack", "closed").put("name", t("dashboard.col.lost"))
                .put("cursor", "pointer");
        lost.putObject("itemStyle").put("color", "#d9534f");
        ObjectNode line = series.addObject().put("type", "line").put("yAxisIndex", 1)
                .put("name", t("dashboard.col.win-rate"));
        line.putObject("itemStyle").put("color", "#1e4fd8");
        ArrayNode wonData = won.putArray("data");
        ArrayNode lostData = lost.putArray("data");
        ArrayNode rates = line.putArray("data");
        for (WinRate.Month m : rate.months()) {
            wonData.add(m.won());
            lostData.add(m.lost());
            if (m.won() + m.lost() == 0) {
                rates.addNull();
            } else {
                rates.add(Math.round(m.percent() * 10) / 10.0);
            }
        }
        return JSON.writeValueAsString(option);
    }
}
