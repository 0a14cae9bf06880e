package app.funnel.dashboard.ui;

import app.funnel.base.ui.CsvDownload;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;

/** One figure of the dashboard: a title, the figure as a chart or as a table, its CSV, a note. */
final class FigureCard extends com.vaadin.flow.component.card.Card {

    FigureCard(String id, String title, Component chart, Component table, CsvDownload csv, Paragraph summary,
               String note, Component... headerExtras) {
        setId(id + "-card");
        addClassName("funnel-card");
        Tab asChart = new Tab(getTranslation("dashboard.as-chart"));
        asChart.setId(id + "-as-chart");
        Tab asTable = new Tab(getTranslation("dashboard.as-table"));
        asTable.setId(id + "-as-table");
        Tabs view = new Tabs(asChart, asTable);
        view.addSelectedChangeListener(e -> {
            chart.setVisible(view.getSelectedTab() == asChart);
            table.setVisible(view.getSelectedTab() == asTable);
        });
        table.setVisible(false);
        Div header = new Div(new H3(title));
        header.add(headerExtras);
        header.add(view, csv);
        header.addClassName("funnel-card-header");
        Paragraph remark = new Paragraph(note);
        remark.addClassName("funnel-muted");
        add(header, summary, chart, table, remark);
    }

    /** A figure shown one way only (figures and a list), with its CSV. */
    FigureCard(String id, String title, Component body, CsvDownload csv, Paragraph summary, String note) {
        setId(id + "-card");
        addClassName("funnel-card");
        Div header = new Div(new H3(title), csv);
        header.addClassName("funnel-card-header");
        Paragraph remark = new Paragraph(note);
        remark.addClassName("funnel-muted");
        add(header, summary, body, remark);
    }
}
