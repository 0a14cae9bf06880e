package app.funnel.definition.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the user acknowledges the definitions, so that the banner goes away at once. */
final class AcknowledgedEvent extends ComponentEvent<UI> {

    AcknowledgedEvent(UI ui) {
        super(ui, false);
    }
}
