package app.funnel.base.ui;

import app.funnel.base.InvalidInputException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;

/**
 * A record's own page ({@code leads/123}, {@code opportunities/45}): a link back to its grid, its
 * name as heading and browser-tab title, the record, and its buttons with Print in a bar that
 * stays in reach; print CSS leaves only the record. A record that does not exist says so.
 */
public abstract class RecordPage extends Main implements BeforeEnterObserver, HasDynamicTitle, ViewHeader {

    private final String kind;
    private final String route;
    private final String parameter;
    private String title = "";

    /**
     * @param kind      the element id prefix ({@code lead}: {@code lead-page}, {@code lead-page-title}, ...)
     * @param route     the grid's route, which Close and the back link go to
     * @param parameter the route parameter holding the record's id
     */
    protected RecordPage(String kind, String route, String parameter) {
        this.kind = kind;
        this.route = route;
        this.parameter = parameter;
        addClassNames("funnel-view", "funnel-record-page");
        setId(kind + "-page");
    }

    /** The record for this id, drawn into the frame; throws {@link InvalidInputException} when there is none. */
    protected abstract Component record(long id, RecordFrame frame);

    /** The translation key of the back link ("← All leads"). */
    protected abstract String backKey();

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = event.getRouteParameters().getLong(parameter).orElseThrow();
        Anchor back = new Anchor(route, getTranslation(backKey()));
        back.setId("back-to-" + route);
        back.addClassName("funnel-record-back");
        H2 heading = new H2();
        heading.setId(kind + "-page-title");
        Div buttons = new Div();
        buttons.addClassName("funnel-record-buttons");
        Button print = new Button(getTranslation("record.print"), new Icon(VaadinIcon.PRINT),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("print-" + kind);
        Component record;
        try {
            record = record(id, new RecordFrame() {
                @Override
                public void title(String text) {
                    title = text;
                    heading.setText(text);
                }

                @Override
                public void buttons(List<Component> list) {
                    buttons.removeAll();
                    list.forEach(buttons::add);
                    buttons.add(print);
                }

                @Override
                public void close() {
                    getUI().ifPresent(ui -> ui.navigate(route));
                }
            });
        } catch (InvalidInputException missing) {
            title = viewHeader();
            Paragraph none = new Paragraph(getTranslation(missing.messageKey(), missing.arguments()));
            none.setId(kind + "-missing");
            add(back, none);
            return;
        }
        add(back, heading, record, buttons);
    }
}
