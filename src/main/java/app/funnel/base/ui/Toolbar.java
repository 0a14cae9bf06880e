package app.funnel.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/** A view's row of filters and actions: what is given first sits on the left, {@link #end} on the right. */
public class Toolbar extends Div {

    private final Div spacer = new Div();

    public Toolbar(Component... start) {
        addClassName("funnel-toolbar");
        spacer.addClassName("spacer");
        add(start);
        add(spacer);
    }

    /** Adds components after the spacer, on the right. */
    public Toolbar end(Component... components) {
        add(components);
        return this;
    }
}
