package app.funnel.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * What a grid with no rows says: with filters set, that nothing matches and a button that clears
 * them; without, what to do first. Shown by the grid itself in place of its rows.
 */
public final class EmptyState extends Div {

    private final Span text = new Span();
    private final Button clear;
    private final String filtered;
    private final String none;

    /**
     * @param id       the element id prefix ({@code leads} gives {@code leads-empty} and {@code leads-clear-filters})
     * @param filtered what to say when filters hide every row
     * @param none     what to say when there is nothing at all yet
     * @param clearAll clears every filter of the view
     */
    public EmptyState(Grid<?> grid, String id, String filtered, String none, Runnable clearAll) {
        this.filtered = filtered;
        this.none = none;
        setId(id + "-empty");
        addClassName("funnel-empty-state");
        clear = new Button(getTranslation("grid.clear-filters"), e -> clearAll.run());
        clear.addThemeVariants(ButtonVariant.SMALL);
        clear.setId(id + "-clear-filters");
        add(text, clear);
        show(false);
        grid.setEmptyStateComponent(this);
    }

    /** Call whenever the filters change. */
    public void show(boolean anyFilter) {
        text.setText(anyFilter ? filtered : none);
        clear.setVisible(anyFilter);
    }
}
