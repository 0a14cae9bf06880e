package app.funnel.dashboard.ui;

import app.funnel.base.CsvExport;
import app.funnel.base.ui.Chart;
import app.funnel.base.ui.CsvDownload;
import app.funnel.dashboard.DashboardService;
import app.funnel.dashboard.Trend;
import app.funnel.lead.LeadSource;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The trend: per month, new MQLs, SQLs, deals and wins as lines, with a dashed vertical line at each
 * definition version published in the period (hover: the version, the terms it changed, its note),
 * the same versions listed under the chart.
 */
final class TrendFigure extends DashboardFigure {

    private static final String[] COLORS = {"#6b93f5", "#1e4fd8", "#b86e00", "#1a8f3c"};

    private final DashboardService dashboard;
    private final Chart chart = new Chart();
    private final Grid<Integer> table = new Grid<>();
    private final Div markers = new Div();
    private final Paragraph summary = new Paragraph();
    private final FigureCard card;
    private Trend trend = new Trend(List.of(), List.of(), List.of());

    TrendFigure(DashboardService dashboard, Locale locale) {
        super(locale);
        this.dashboard = dashboard;
        chart.setId("trend-chart");
        // a won or new-deal point opens those deals; the MQL and SQL lines count first times, which the
        // lead grid does not filter by
        chart.addClickListener(e -> {
            if (e.seriesIndex() < 0 || e.seriesIndex() >= trend.series().size() || e.dataIndex() < 0
                    || e.dataIndex() >= trend.months().size()) {
                return;
            }
            YearMonth month = trend.months().get(e.dataIndex());
            String step = trend.series().get(e.seriesIndex()).step();
            if ("WON".equals(step)) {
                openClosed(month, "CLOSED_WON", null);
            } else if ("OPPORTUNITY".equals(step)) {
                openDeals(java.util.Map.of("createdFrom", month.atDay(1).toString(),
                        "createdTo", month.atEndOfMonth().toString()));
            }
        });
        table.setId("trend-table");
        table.setAllRowsVisible(true);
        markers.setId("trend-markers");
        markers.addClassName("funnel-markers");
        CsvDownload csv = new CsvDownload("trend.csv", (delimiter, out) -> {
            List<String> header = new ArrayList<>(List.of("month"));
            trend.series().forEach(s -> header.add(s.step().toLowerCase(Locale.ROOT)));
            header.add("definitions_published");
            try (CsvExport export = new CsvExport(out, delimiter, header)) {
                for (int i = 0; i < trend.months().size(); i++) {
                    List<Object> row = new ArrayList<>(List.of(trend.months().get(i).toString()));
                    for (Trend.Series series : trend.series()) {
                        row.add(series.counts().get(i));
                    }
                    YearMonth month = trend.months().get(i);
                    row.add(trend.markers().stream().filter(m -> m.month().equals(month))
                            .map(m -> "v" + m.version() + ": " + m.note()).collect(Collectors.joining(" | ")));
                    export.row(row.toArray());
                }
            }
        });
        csv.linkId("trend-csv");
        card = new FigureCard("trend", t("dashboard.trend"), new Div(chart, markers), table, csv, summary,
                t("dashboard.trend-note"));
    }

    @Override
    FigureCard card() {
        return card;
    }

    @Override
    void show(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        remember(from, to, source, owner);
        trend = dashboard.trend(from, to, source, owner);
        table.removeAllColumns();
        table.addColumn(i -> label(trend.months().get(i))).setHeader(t("dashboard.col.month"));
        for (Trend.Series series : trend.series()) {
            table.addColumn(i -> number(series.counts().get(i))).setHeader(t("dashboard.trend." + series.step()));
        }
        table.setItems(java.util.stream.IntStream.range(0, trend.months().size()).boxed().toList());
        chart.setOption(option());
        markers.removeAll();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        for (Trend.Marker marker : trend.markers()) {
            Span chip = new Span(t("dashboard.trend.marker", marker.version(),
                    day.format(marker.publishedAt().atZone(app.funnel.base.ui.Messages.zone(com.vaadin.flow.component.UI.getCurrent()))), terms(marker), marker.note()));
            chip.addClassName("funnel-marker");
            chip.setId("trend-marker-" + marker.version());
            markers.add(chip);
        }
        long total = trend.series().isEmpty() ? 0
                : trend.series().getFirst().counts().stream().mapToLong(Long::longValue).sum();
        summary.setText(t("dashboard.trend-summary", number(total), trend.markers().size()));
    }

    private String terms(Trend.Marker marker) {
        if (marker.terms().size() == app.funnel.definition.Term.values().length) {
            return t("dashboard.trend.all-terms");
        }
        return marker.terms().stream().map(term -> term == app.funnel.definition.Term.MQL
                        || term == app.funnel.definition.Term.SQL ? term.name() : t("term." + term.name()))
                .collect(Collectors.joining(", "));
    }

    private String option() {
        ObjectNode option = baseOption(10, 70, 40);
        option.putObject("tooltip").put("trigger", "item").put("formatter", "{a}<br/>{b}: {c}");
        ArrayNode months = option.putObject("xAxis").put("type", "category").put("boundaryGap", false).putArray("data");
        trend.months().forEach(m -> months.add(label(m)));
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode series = option.putArray("series");
        for (int k = 0; k < trend.series().size(); k++) {
            Trend.Series line = trend.series().get(k);
            ObjectNode node = series.addObject().put("type", "line").put("name", t("dashboard.trend." + line.step()))
                    .put("symbolSize", 7);
            node.putObject("itemStyle").put("color", COLORS[k % COLORS.length]);
            ArrayNode data = node.putArray("data");
            line.counts().forEach(data::add);
        }
        if (!trend.markers().isEmpty()) {
            // a line of its own, without points, carries the markers: their tooltip names the definitions
            ObjectNode carrier = series.addObject().put("type", "line").put("name", t("dashboard.trend.definitions"))
                    .put("showSymbol", false);
            carrier.putObject("itemStyle").put("color", "#b45309");
            ArrayNode empty = carrier.putArray("data");
            trend.months().forEach(m -> empty.addNull());
            ObjectNode markLine = carrier.putObject("markLine").put("symbol", "none").put("silent", false);
            markLine.putObject("lineStyle").put("type", "dashed").put("color", "#b45309").put("width", 2);
            markLine.putObject("label").put("position", "end").put("color", "#b45309").put("fontWeight", "bold");
            ArrayNode lines = markLine.putArray("data");
            trend.months().stream().distinct().forEach(month -> {
                List<Trend.Marker> here = trend.markers().stream().filter(m -> m.month().equals(month)).toList();
                if (!here.isEmpty()) {
                    // the name is the tooltip ({b}); the label on the line is the version alone
                    ObjectNode item = lines.addObject().put("xAxis", label(month));
                    item.put("name", plain(here.stream().map(m -> "v" + m.version() + " · " + terms(m) + " · " + m.note())
                            .collect(Collectors.joining(" | "))));
                    item.putObject("label").put("formatter",
                            here.stream().map(m -> "v" + m.version()).collect(Collectors.joining(", ")));
                }
            });
        }
        return JSON.writeValueAsString(option);
    }
}
