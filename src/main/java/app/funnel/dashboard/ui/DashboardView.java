package app.funnel.dashboard.ui;

import app.funnel.base.CsvExport;
import app.funnel.base.ui.Chart;
import app.funnel.base.ui.CsvDownload;
import app.funnel.dashboard.DashboardService;
import app.funnel.dashboard.Funnel;
import app.funnel.dashboard.PipelineRow;
import app.funnel.dashboard.SourceRow;
import app.funnel.statistics.FunnelStep;
import app.funnel.lead.LeadSource;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard, per role: the funnel of a cohort (the leads created in the chosen months), the
 * monthly trend with definition changes marked, what each source's leads became and the handoff,
 * for leadership, admin and marketing (marketing up to SQL: the server sends no more); the open
 * pipeline by expected-close month, win rate, velocity and lost reasons for leadership, admin and
 * sales (sales its own deals). Every figure is a chart or a table, exported as CSV; clicking a funnel step or a
 * source opens the lead grid filtered to exactly the leads counted there.
 */
@Route("dashboard")
@Menu(order = 5, title = "menu.dashboard", icon = "vaadin:chart")
@RolesAllowed({Roles.LEADERSHIP, Roles.ADMIN, Roles.MARKETING, Roles.SALES})
final class DashboardView extends Main implements HasDynamicTitle {

    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.dashboard") + " · " + getTranslation("app.name");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The periods offered; custom takes the two month pickers. */
    enum Period { THIS_MONTH, THIS_QUARTER, THIS_YEAR, LAST_12_MONTHS, NEXT_12_MONTHS, CUSTOM }

    private final DashboardService dashboard;
    private final Clock clock;
    private final Select<Period> period = new Select<>();
    private final Select<YearMonth> fromMonth = new Select<>();
    private final Select<YearMonth> toMonth = new Select<>();
    private final ComboBox<LeadSource> source = new ComboBox<>();
    private final ComboBox<Long> owner = new ComboBox<>();
    private final Chart chart = new Chart();
    private final Grid<Funnel.Step> table = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private Funnel funnel = new Funnel(List.of());
    private final Chart sourceChart = new Chart();
    private final Grid<SourceRow> sourceTable = new Grid<>();
    private final Paragraph sourceSummary = new Paragraph();
    private List<SourceRow> sources = List.of();
    private final Chart pipelineChart = new Chart();
    private final Grid<PipelineRow> pipelineTable = new Grid<>();
    private final Select<String> currency = new Select<>();
    private final Paragraph pipelineSummary = new Paragraph();
    private List<PipelineRow> pipeline = List.of();
    private final boolean seesFunnel;
    private final boolean seesPipeline;
    private final List<DashboardFigure> more = new ArrayList<>();

    DashboardView(DashboardService dashboard, UserService users, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
        CurrentUser me = CurrentUser.require();
        this.seesFunnel = me.has(Role.LEADERSHIP) || me.has(Role.ADMIN) || me.has(Role.MARKETING);
        this.seesPipeline = me.has(Role.LEADERSHIP) || me.has(Role.ADMIN) || me.has(Role.SALES);
        addClassName("funnel-view");
        addClassName("funnel-dashboard");
        Map<Long, String> names = users.displayNames();

        period.setLabel(getTranslation("dashboard.period"));
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("dashboard.period." + p.name()));
        period.setValue(Period.THIS_YEAR);
        period.setId("dashboard-period");
        List<YearMonth> months = new ArrayList<>();
        YearMonth now = YearMonth.now(clock);
        for (int i = -24; i < 60; i++) {
            months.add(now.minusMonths(i));
        }
        for (Select<YearMonth> month : List.of(fromMonth, toMonth)) {
            month.setItems(months);
            month.setItemLabelGenerator(m -> m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, getLocale())
                    + " " + m.getYear());
            month.setVisible(false);
        }
        fromMonth.setLabel(getTranslation("dashboard.from"));
        fromMonth.setId("dashboard-from");
        toMonth.setLabel(getTranslation("dashboard.to"));
        toMonth.setId("dashboard-to");
        fromMonth.setValue(now.minusMonths(11));
        toMonth.setValue(now);
        source.setLabel(getTranslation("dashboard.source"));
        source.setItems(LeadSource.values());
        source.setItemLabelGenerator(s -> getTranslation("source." + s.name()));
        source.setPlaceholder(getTranslation("dashboard.any"));
        source.setClearButtonVisible(true);
        source.setId("dashboard-source");
        owner.setLabel(getTranslation("dashboard.owner"));
        owner.setItems(names.keySet());
        owner.setItemLabelGenerator(id -> names.getOrDefault(id, "?"));
        owner.setPlaceholder(getTranslation("dashboard.any"));
        owner.setClearButtonVisible(true);
        owner.setId("dashboard-owner");
        period.addValueChangeListener(e -> {
            boolean custom = e.getValue() == Period.CUSTOM;
            fromMonth.setVisible(custom);
            toMonth.setVisible(custom);
            refresh();
        });
        fromMonth.addValueChangeListener(e -> refresh());
        toMonth.addValueChangeListener(e -> refresh());
        source.addValueChangeListener(e -> refresh());
        owner.addValueChangeListener(e -> refresh());
        // sales sees its own figures: no owner to choose
        owner.setVisible(seesFunnel || !me.has(Role.SALES) || me.has(Role.LEADERSHIP) || me.has(Role.ADMIN));
        Div filters = new Div(period, fromMonth, toMonth, source, owner);
        filters.addClassName("funnel-dashboard-filters");

        chart.setId("funnel-chart");
        chart.addClickListener(e -> {
            if (e.dataIndex() >= 0 && e.dataIndex() < funnel.steps().size()) {
                drill(funnel.steps().get(e.dataIndex()).step());
            }
        });
        table.setId("funnel-table");
        table.addColumn(s -> getTranslation("step." + s.step().name())).setHeader(getTranslation("dashboard.col.step"));
        table.addColumn(s -> number(s.count())).setHeader(getTranslation("dashboard.col.count"));
        table.addColumn(s -> percent(s.stepPercent())).setHeader(getTranslation("dashboard.col.step-percent"));
        table.addColumn(s -> percent(s.cumulativePercent())).setHeader(getTranslation("dashboard.col.cumulative"));
        table.setAllRowsVisible(true);
        table.addItemClickListener(e -> drill(e.getItem().step()));
        summary.setId("funnel-summary");
        CsvDownload csv = new CsvDownload("funnel.csv", (delimiter, out) -> {
            try (CsvExport export = new CsvExport(out, delimiter, List.of("step", "count", "step_percent",
                    "cumulative_percent"))) {
                for (Funnel.Step step : funnel.steps()) {
                    export.row(step.step().name(), step.count(), String.format(Locale.ROOT, "%.1f", step.stepPercent()),
                            String.format(Locale.ROOT, "%.1f", step.cumulativePercent()));
                }
            }
        });
        csv.linkId("funnel-csv");
        FigureCard funnelCard = new FigureCard("funnel", getTranslation("dashboard.funnel"), chart, table, csv, summary,
                getTranslation("dashboard.funnel-note"));

        sourceChart.setId("sources-chart");
        sourceChart.addClickListener(e -> {
            if (e.dataIndex() >= 0 && e.dataIndex() < sources.size()) {
                FunnelStep[] reached = {FunnelStep.LEAD, FunnelStep.OPPORTUNITY, FunnelStep.WON};
                drill(reached[Math.min(2, Math.max(0, e.seriesIndex()))], sources.get(e.dataIndex()).source());
            }
        });
        sourceTable.setId("sources-table");
        sourceTable.addColumn(r -> getTranslation("source." + r.source().name())).setHeader(getTranslation("dashboard.source"));
        sourceTable.addColumn(r -> number(r.leads())).setHeader(getTranslation("dashboard.col.leads"));
        sourceTable.addColumn(r -> number(r.opportunities())).setHeader(getTranslation("dashboard.col.opportunities"));
        sourceTable.addColumn(r -> percent(r.leads() == 0 ? 0 : 100.0 * r.opportunities() / r.leads()))
                .setHeader(getTranslation("dashboard.col.to-opportunity"));
        sourceTable.addColumn(r -> number(r.won())).setHeader(getTranslation("dashboard.col.won"));
        sourceTable.setAllRowsVisible(true);
        sourceTable.addItemClickListener(e -> drill(FunnelStep.LEAD, e.getItem().source()));
        CsvDownload sourceCsv = new CsvDownload("sources.csv", (delimiter, out) -> {
            try (CsvExport export = new CsvExport(out, delimiter, List.of("source", "leads", "opportunities", "won"))) {
                for (SourceRow row : sources) {
                    export.row(row.source().name(), row.leads(), row.opportunities(), row.won());
                }
            }
        });
        sourceCsv.linkId("sources-csv");
        FigureCard sourcesCard = new FigureCard("sources", getTranslation("dashboard.sources"), sourceChart, sourceTable,
                sourceCsv, sourceSummary, getTranslation("dashboard.sources-note"));
        pipelineChart.setId("pipeline-chart");
        pipelineChart.addClickListener(e -> {
            List<PipelineRow> shown = pipeline.stream().filter(r -> r.currency().equals(currency.getValue())).toList();
            if (e.dataIndex() >= 0 && e.dataIndex() < shown.size()) {
                drillDeals(shown.get(e.dataIndex()));
            }
        });
        pipelineTable.setId("pipeline-table");
        pipelineTable.addColumn(r -> label(r.month())).setHeader(getTranslation("dashboard.col.close-month"));
        pipelineTable.addColumn(PipelineRow::currency).setHeader(getTranslation("dashboard.col.currency"));
        pipelineTable.addColumn(r -> number(r.deals())).setHeader(getTranslation("dashboard.col.deals"));
        pipelineTable.addColumn(r -> money(r.total())).setHeader(getTranslation("dashboard.col.total"));
        pipelineTable.addColumn(r -> money(r.weighted())).setHeader(getTranslation("dashboard.col.weighted"));
        pipelineTable.setAllRowsVisible(true);
        pipelineTable.addItemClickListener(e -> drillDeals(e.getItem()));
        currency.setItemLabelGenerator(c -> c);
        currency.setId("pipeline-currency");
        currency.setWidth("7rem");
        currency.setAriaLabel(getTranslation("dashboard.col.currency"));
        currency.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                pipelineChart.setOption(pipelineOption(pipeline, e.getValue()));
            }
        });
        CsvDownload pipelineCsv = new CsvDownload("pipeline.csv", (delimiter, out) -> {
            try (CsvExport export = new CsvExport(out, delimiter, List.of("close_month", "currency", "deals", "total",
                    "weighted"))) {
                for (PipelineRow row : pipeline) {
                    export.row(row.month().toString(), row.currency(), row.deals(), row.total().toPlainString(),
                            row.weighted().toPlainString());
                }
            }
        });
        pipelineCsv.linkId("pipeline-csv");
        FigureCard pipelineCard = new FigureCard("pipeline", getTranslation("dashboard.pipeline"), pipelineChart,
                pipelineTable, pipelineCsv, pipelineSummary, getTranslation("dashboard.pipeline-note"), currency);
        Div figures = new Div();
        figures.addClassName("funnel-figures");
        if (seesFunnel) {
            TrendFigure trend = new TrendFigure(dashboard, getLocale());
            HandoffFigure handoff = new HandoffFigure(dashboard, getLocale());
            more.addAll(List.of(trend, handoff));
            figures.add(funnelCard, trend.card(), sourcesCard, handoff.card());
        }
        if (seesPipeline) {
            WinRateFigure winRate = new WinRateFigure(dashboard, getLocale());
            VelocityFigure velocity = new VelocityFigure(dashboard, getLocale());
            LostReasonsFigure lost = new LostReasonsFigure(dashboard, getLocale());
            more.addAll(List.of(winRate, velocity, lost));
            figures.add(pipelineCard, winRate.card(), velocity.card(), lost.card());
        }
        add(filters, figures);
        refresh();
    }

    private void refresh() {
        YearMonth[] range = range();
        if (range[0].isAfter(range[1])) {
            summary.setText(getTranslation("dashboard.error.range"));
            return;
        }
        for (DashboardFigure figure : more) {
            figure.show(range[0], range[1], source.getValue(), owner.getValue());
        }
        if (seesPipeline) {
            pipeline = dashboard.pipeline(range[0], range[1], source.getValue(), owner.getValue());
            pipelineTable.setItems(pipeline);
            Map<String, java.math.BigDecimal> totals = new LinkedHashMap<>();
            pipeline.forEach(r -> totals.merge(r.currency(), r.total(), java.math.BigDecimal::add));
            List<String> currencies = totals.entrySet().stream()
                    .sorted(Map.Entry.<String, java.math.BigDecimal>comparingByValue().reversed()).map(Map.Entry::getKey)
                    .toList();
            currency.setItems(currencies);
            String shown = currencies.contains(currency.getValue()) ? currency.getValue()
                    : currencies.isEmpty() ? null : currencies.getFirst();
            currency.setValue(shown);
            pipelineChart.setOption(pipelineOption(pipeline, shown));
            long deals = pipeline.stream().mapToLong(PipelineRow::deals).sum();
            pipelineSummary.setText(getTranslation("dashboard.pipeline-summary", number(deals), label(range[0]),
                    label(range[1])));
        }
        if (!seesFunnel) {
            return;
        }
        funnel = dashboard.funnel(range[0], range[1], source.getValue(), owner.getValue());
        table.setItems(funnel.steps());
        chart.setOption(option(funnel));
        long cohort = funnel.steps().isEmpty() ? 0 : funnel.steps().getFirst().count();
        summary.setText(getTranslation("dashboard.funnel-summary", number(cohort), label(range[0]), label(range[1])));
        // the source filter narrows the funnel; the sources figure compares all of them
        sources = dashboard.sources(range[0], range[1], owner.getValue());
        sourceTable.setItems(sources);
        sourceChart.setOption(sourcesOption(sources));
        sourceSummary.setText(getTranslation("dashboard.sources-summary", sources.size()));
    }

    /** The first and last month of the chosen period. */
    private YearMonth[] range() {
        YearMonth now = YearMonth.now(clock);
        return switch (period.getValue() == null ? Period.THIS_YEAR : period.getValue()) {
            case THIS_MONTH -> new YearMonth[] {now, now};
            // whole quarters and years: the cohort has no leads in the months to come, the pipeline has deals
            case THIS_QUARTER -> {
                YearMonth first = YearMonth.of(now.getYear(), (now.getMonthValue() - 1) / 3 * 3 + 1);
                yield new YearMonth[] {first, first.plusMonths(2)};
            }
            case THIS_YEAR -> new YearMonth[] {YearMonth.of(now.getYear(), 1), YearMonth.of(now.getYear(), 12)};
            case LAST_12_MONTHS -> new YearMonth[] {now.minusMonths(11), now};
            case NEXT_12_MONTHS -> new YearMonth[] {now, now.plusMonths(11)};
            case CUSTOM -> new YearMonth[] {fromMonth.getValue() == null ? now : fromMonth.getValue(),
                    toMonth.getValue() == null ? now : toMonth.getValue()};
        };
    }

    /** The lead grid filtered to the leads counted at the step: created in the period, reached the step. */
    private void drill(FunnelStep step) {
        drill(step, source.getValue());
    }

    private void drill(FunnelStep step, @Nullable LeadSource drillSource) {
        YearMonth[] range = range();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", range[0].atDay(1).toString());
        parameters.put("to", range[1].atEndOfMonth().toString());
        if (drillSource != null) {
            parameters.put("source", drillSource.name());
        }
        if (owner.getValue() != null) {
            parameters.put("owner", owner.getValue().toString());
        }
        parameters.put("reached", step.name());
        UI.getCurrent().navigate("leads", QueryParameters.simple(parameters));
    }

    /** The opportunity grid filtered to the open deals a pipeline bar counts: close month, currency, owner. */
    private void drillDeals(PipelineRow row) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("open", "true");
        parameters.put("closeFrom", row.month().atDay(1).toString());
        parameters.put("closeTo", row.month().atEndOfMonth().toString());
        parameters.put("currency", row.currency());
        DashboardFigure.openDeals(parameters, source.getValue(), owner.getValue());
    }

    /**
     * The funnel as ECharts horizontal bars, Lead on top: one bar per step, its length the count,
     * labelled with the count and the share of the cohort (bars keep small steps readable, where a
     * funnel shape squeezes them).
     */
    private String option(Funnel shown) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "item").put("formatter", "{b}: {c}");
        option.putObject("grid").put("left", 10).put("right", 170).put("top", 10).put("bottom", 10)
                .put("containLabel", true);
        option.putObject("xAxis").put("type", "value").put("show", false);
        ObjectNode yAxis = option.putObject("yAxis");
        yAxis.put("type", "category").put("inverse", true);
        yAxis.putObject("axisTick").put("show", false);
        yAxis.putObject("axisLabel").put("fontSize", 13);
        ArrayNode categories = yAxis.putArray("data");
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "bar").put("barWidth", "60%").put("cursor", "pointer");
        ArrayNode data = series.putArray("data");
        String[] colors = {"#1e4fd8", "#2f63e6", "#4a7bf0", "#6b93f5", "#8eabf8", "#1a8f3c"};
        for (Funnel.Step step : shown.steps()) {
            categories.add(getTranslation("step." + step.step().name()));
            ObjectNode item = data.addObject();
            item.put("value", step.count());
            item.putObject("itemStyle").put("color", colors[step.step().ordinal()]).put("borderRadius", 4);
            item.putObject("label").put("show", true).put("position", "right").put("fontSize", 13)
                    .put("formatter", number(step.count()) + "  ·  " + percent(step.cumulativePercent()));
        }
        return JSON.writeValueAsString(option);
    }

    /** Grouped horizontal bars per source: its leads, those that became opportunities, those won. */
    private String sourcesOption(List<SourceRow> rows) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 10).put("right", 60).put("top", 30).put("bottom", 10)
                .put("containLabel", true);
        option.putObject("xAxis").put("type", "value");
        ObjectNode yAxis = option.putObject("yAxis");
        yAxis.put("type", "category").put("inverse", true);
        ArrayNode categories = yAxis.putArray("data");
        for (SourceRow row : rows) {
            categories.add(getTranslation("source." + row.source().name()));
        }
        ArrayNode series = option.putArray("series");
        String[][] kinds = {{"dashboard.col.leads", "#1e4fd8"}, {"dashboard.col.opportunities", "#8eabf8"},
                {"dashboard.col.won", "#1a8f3c"}};
        for (int k = 0; k < kinds.length; k++) {
            ObjectNode bars = series.addObject();
            bars.put("type", "bar").put("name", getTranslation(kinds[k][0])).put("cursor", "pointer");
            bars.putObject("itemStyle").put("color", kinds[k][1]).put("borderRadius", 3);
            bars.putObject("label").put("show", true).put("position", "right").put("fontSize", 11);
            ArrayNode data = bars.putArray("data");
            for (SourceRow row : rows) {
                data.add(k == 0 ? row.leads() : k == 1 ? row.opportunities() : row.won());
            }
        }
        return JSON.writeValueAsString(option);
    }

    /** Bars per expected-close month in one currency: the total and the weighted open amount. */
    private String pipelineOption(List<PipelineRow> rows, @Nullable String shownCurrency) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 10).put("right", 20).put("top", 30).put("bottom", 10)
                .put("containLabel", true);
        ArrayNode months = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").putObject("axisLabel").put("formatter", "{value}");
        ArrayNode series = option.putArray("series");
        ObjectNode total = series.addObject().put("type", "bar").put("cursor", "pointer")
                .put("name", getTranslation("dashboard.col.total") + (shownCurrency == null ? "" : " (" + shownCurrency + ")"));
        total.putObject("itemStyle").put("color", "#8eabf8").put("borderRadius", 3);
        ObjectNode weighted = series.addObject().put("type", "bar").put("cursor", "pointer")
                .put("name", getTranslation("dashboard.col.weighted") + (shownCurrency == null ? "" : " (" + shownCurrency + ")"));
        weighted.putObject("itemStyle").put("color", "#1e4fd8").put("borderRadius", 3);
        ArrayNode totals = total.putArray("data");
        ArrayNode weights = weighted.putArray("data");
        for (PipelineRow row : rows) {
            if (row.currency().equals(shownCurrency)) {
                months.add(label(row.month()));
                totals.add(row.total());
                weights.add(row.weighted());
            }
        }
        return JSON.writeValueAsString(option);
    }

    private String money(java.math.BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }

    private String label(YearMonth month) {
        return DashboardFigure.label(month, getLocale());
    }

    private String number(long n) {
        return DashboardFigure.number(n, getLocale());
    }

    private String percent(double value) {
        return DashboardFigure.percent(value, getLocale());
    }
}
