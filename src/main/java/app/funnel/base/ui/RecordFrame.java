package app.funnel.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;

/**
 * Where a lead or a deal is shown: a dialog over a grid or the board, or a page of its own
 * ({@link RecordPage}). The record renders itself and hands its title and buttons to the frame.
 */
public interface RecordFrame {

    void title(String title);

    /** The record's buttons (Close, Save), put where the frame keeps them. */
    void buttons(List<Component> buttons);

    void close();

    /** The frame of a dialog: its header title, its footer, closing it. */
    static RecordFrame of(Dialog dialog) {
        return new RecordFrame() {
            @Override
            public void title(String title) {
                dialog.setHeaderTitle(title);
            }

            @Override
            public void buttons(List<Component> buttons) {
                dialog.getFooter().removeAll();
                buttons.forEach(dialog.getFooter()::add);
            }

            @Override
            public void close() {
                dialog.close();
            }
        };
    }

    /** Ctrl+S (⌘S) clicks the record's save button while the focus is inside the record. */
    static void saveShortcut(Button save, Component record) {
        save.addClickShortcut(com.vaadin.flow.component.Key.KEY_S, com.vaadin.flow.component.KeyModifier.CONTROL)
                .listenOn(record);
        save.addClickShortcut(com.vaadin.flow.component.Key.KEY_S, com.vaadin.flow.component.KeyModifier.META)
                .listenOn(record);
        save.setTooltipText(save.getTranslation("shortcut.save"));
    }
}
