package app.funnel.dashboard.ui;

import app.funnel.base.CsvExport;
import app.funnel.base.ui.Chart;
import app.funnel.base.ui.CsvDownload;
import app.funnel.dashboard.DashboardService;
import app.funnel.dashboard.Funnel;
import app.funnel.lead.FunnelStep;
import app.funnel.lead.LeadSource;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard: for now the funnel of a cohort (the leads created in the chosen months), as a
 * chart or a table, exported as CSV; clicking a step opens the lead grid filtered to exactly the
 * leads counted there. Marketing sees the steps up to SQL (the server sends no more).
 */
@Route("dashboard")
@PageTitle("Dashboard")
@Menu(order = 5, title = "menu.dashboard", icon = "vaadin:chart")
@RolesAllowed({Roles.LEADERSHIP, Roles.ADMIN, Roles.MARKETING})
final class DashboardView extends Main {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The periods offered; custom takes the two month pickers. */
    enum Period { THIS_MONTH, THIS_QUARTER, THIS_YEAR, LAST_12_MONTHS, CUSTOM }

    private final DashboardService dashboard;
    private final Clock clock;
    private final Select<Period> period = new Select<>();
    private final Select<YearMonth> fromMonth = new Select<>();
    private final Select<YearMonth> toMonth = new Select<>();
    private final ComboBox<LeadSource> source = new ComboBox<>();
    private final ComboBox<Long> owner = new ComboBox<>();
    private final Chart chart = new Chart();
    private final Grid<Funnel.Step> table = new Grid<>();
    private final Tabs view = new Tabs();
    private final Tab asChart = new Tab();
    private final Tab asTable = new Tab();
    private final Paragraph summary = new Paragraph();
    private Funnel funnel = new Funnel(List.of());

    DashboardView(DashboardService dashboard, UserService users, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
        addClassName("funnel-view");
        addClassName("funnel-dashboard");
        Map<Long, String> names = users.displayNames();

        period.setLabel(getTranslation("dashboard.period"));
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("dashboard.period." + p.name()));
        period.setValue(Period.THIS_YEAR);
        period.setId("dashboard-period");
        List<YearMonth> months = new ArrayList<>();
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (int i = 0; i < 60; i++) {
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
        Div filters = new Div(period, fromMonth, toMonth, source, owner);
        filters.addClassName("funnel-dashboard-filters");

        asChart.setLabel(getTranslation("dashboard.as-chart"));
        asChart.setId("funnel-as-chart");
        asTable.setLabel(getTranslation("dashboard.as-table"));
        asTable.setId("funnel-as-table");
        view.add(asChart, asTable);
        view.addSelectedChangeListener(e -> {
            chart.setVisible(view.getSelectedTab() == asChart);
            table.setVisible(view.getSelectedTab() == asTable);
        });
        chart.setId("funnel-chart");
        chart.addClickListener(e -> {
            if (e.dataIndex() >= 0 && e.dataIndex() < funnel.steps().size()) {
                drill(funnel.steps().get(e.dataIndex()).step());
            }
        });
        table.setId("funnel-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.addColumn(s -> getTranslation("step." + s.step().name())).setHeader(getTranslation("dashboard.col.step"));
        table.addColumn(s -> number(s.count())).setHeader(getTranslation("dashboard.col.count"));
        table.addColumn(s -> percent(s.stepPercent())).setHeader(getTranslation("dashboard.col.step-percent"));
        table.addColumn(s -> percent(s.cumulativePercent())).setHeader(getTranslation("dashboard.col.cumulative"));
        table.setAllRowsVisible(true);
        table.setVisible(false);
        table.addItemClickListener(e -> drill(e.getItem().step()));
        summary.setId("funnel-summary");
        Paragraph note = new Paragraph(getTranslation("dashboard.funnel-note"));
        note.addClassName("funnel-muted");
        CsvDownload csv = new CsvDownload("funnel.csv", (delimiter, out) -> {
            try (CsvExport export = new CsvExport(out, delimiter, List.of("step", "count", "step_percent",
                    "cumulative_percent"))) {
                for (Funnel.Step step : funnel.steps()) {
                    export.row(step.step().name(), step.count(), String.format(Locale.ROOT, "%.1f", step.stepPercent()),
                            String.format(Locale.ROOT, "%.1f", step.cumulativePercent()));
                }
            }
        });
        Div header = new Div(new H3(getTranslation("dashboard.funnel")), view, csv);
        header.addClassName("funnel-card-header");
        Div card = new Div(header, summary, chart, table, note);
        card.addClassName("funnel-card");
        card.setId("funnel-card");
        add(filters, card);
        refresh();
    }

    private void refresh() {
        YearMonth[] range = range();
        if (range[0].isAfter(range[1])) {
            summary.setText(getTranslation("dashboard.error.range"));
            return;
        }
        funnel = dashboard.funnel(range[0], range[1], source.getValue(), owner.getValue());
        table.setItems(funnel.steps());
        chart.setOption(option(funnel));
        long cohort = funnel.steps().isEmpty() ? 0 : funnel.steps().getFirst().count();
        summary.setText(getTranslation("dashboard.funnel-summary", number(cohort), label(range[0]), label(range[1])));
    }

    /** The first and last month of the chosen period. */
    private YearMonth[] range() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        return switch (period.getValue() == null ? Period.THIS_YEAR : period.getValue()) {
            case THIS_MONTH -> new YearMonth[] {now, now};
            case THIS_QUARTER -> new YearMonth[] {YearMonth.of(now.getYear(), (now.getMonthValue() - 1) / 3 * 3 + 1), now};
            case THIS_YEAR -> new YearMonth[] {YearMonth.of(now.getYear(), 1), now};
            case LAST_12_MONTHS -> new YearMonth[] {now.minusMonths(11), now};
            case CUSTOM -> new YearMonth[] {fromMonth.getValue() == null ? now : fromMonth.getValue(),
                    toMonth.getValue() == null ? now : toMonth.getValue()};
        };
    }

    /** The lead grid filtered to the leads counted at the step: created in the period, reached the step. */
    private void drill(FunnelStep step) {
        YearMonth[] range = range();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", range[0].atDay(1).toString());
        parameters.put("to", range[1].atEndOfMonth().toString());
        if (source.getValue() != null) {
            parameters.put("source", source.getValue().name());
        }
        if (owner.getValue() != null) {
            parameters.put("owner", owner.getValue().toString());
        }
        parameters.put("reached", step.name());
        UI.getCurrent().navigate("leads", QueryParameters.simple(parameters));
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

    private String label(YearMonth month) {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, getLocale()) + " " + month.getYear();
    }

    private String number(long n) {
        return NumberFormat.getIntegerInstance(getLocale()).format(n);
    }

    private String percent(double value) {
        return String.format(getLocale(), "%.1f %%", value);
    }
}
