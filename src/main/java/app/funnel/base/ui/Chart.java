package app.funnel.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * An Apache ECharts chart (our own small web component, {@code src/main/frontend/funnel-chart.ts}):
 * the server sets the chart's option as JSON; clicks on data items come back as events.
 */
@Tag("funnel-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./funnel-chart.ts")
public class Chart extends Component implements HasSize {

    public Chart() {
        setHeight("22rem");
        setWidthFull();
    }

    /** Numbers in the chart are written in the UI's language. */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().setAttribute("locale", attachEvent.getUI().getLocale().toLanguageTag());
    }

    /** The chart's ECharts option, as JSON. */
    public void setOption(String json) {
        getElement().setAttribute("option", json);
    }

    public Registration addClickListener(ComponentEventListener<ClickEvent> listener) {
        return addListener(ClickEvent.class, listener);
    }

    /** A click on a data item: its series and index. */
    @DomEvent("chart-click")
    public static class ClickEvent extends ComponentEvent<Chart> {
        private final int seriesIndex;
        private final int dataIndex;

        public ClickEvent(Chart source, boolean fromClient, @EventData("event.detail.seriesIndex") int seriesIndex,
                          @EventData("event.detail.dataIndex") int dataIndex) {
            super(source, fromClient);
            this.seriesIndex = seriesIndex;
            this.dataIndex = dataIndex;
        }

        public int seriesIndex() {
            return seriesIndex;
        }

        public int dataIndex() {
            return dataIndex;
        }
    }
}
