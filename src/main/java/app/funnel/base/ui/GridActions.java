package app.funnel.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What another feature adds to a record grid (the bulk actions), without the grid's feature
 * depending on it. Implementations are Spring beans and build new components on every call.
 */
public interface GridActions {

    /**
     * The rows of a grid a person ticked, or all the grid's filter matches.
     */
    interface Selection {

        /** The record type of the grid's rows ({@code LEAD}, {@code OPPORTUNITY}). */
        String recordType();

        Set<Long> ticked();

        /** How many rows the grid's filters match now. */
        long matching();

        /** The ids of the matching rows, at most the limit. */
        List<Long> matchingIds(int limit);

        /** Runs when the ticked rows change. */
        void onTicked(Runnable listener);

        /** After a change: the grid reloads and nothing stays ticked. */
        void changed();
    }

    /** The bar shown above the grid for the selection, or none when this grid gets none. */
    @Nullable Component bar(Selection selection);

    /**
     * Gives the grid the bars the actions offer for it: the grid ticks rows (identified by id, so
     * that a reload keeps them ticked) when there is any.
     *
     * @param refresh reloads the grid (and its counts) after a change
     * @return the bars, to place above the grid
     */
    static <T> List<Component> attach(com.vaadin.flow.component.grid.Grid<T> grid, String recordType,
                                      java.util.function.ToLongFunction<T> id, java.util.function.LongSupplier count,
                                      java.util.function.IntFunction<List<Long>> ids, Runnable refresh,
                                      List<GridActions> actions) {
        Selection selection = new Selection() {
            public String recordType() {
                return recordType;
            }

            public Set<Long> ticked() {
                Set<Long> ticked = new java.util.LinkedHashSet<>();
                grid.getSelectedItems().forEach(item -> ticked.add(id.applyAsLong(item)));
                return ticked;
            }

            public long matching() {
                return count.getAsLong();
            }

            public List<Long> matchingIds(int limit) {
                return ids.apply(limit);
            }

            public void onTicked(Runnable listener) {
                grid.addSelectionListener(event -> listener.run());
            }

            public void changed() {
                grid.deselectAll();
                refresh.run();
            }
        };
        // the selection mode first: a new mode brings a new selection model, without the listeners of the old
        grid.setSelectionMode(com.vaadin.flow.component.grid.Grid.SelectionMode.MULTI);
        List<Component> bars = actions.stream().map(action -> action.bar(selection))
                .filter(java.util.Objects::nonNull).map(java.util.Objects::requireNonNull).toList();
        if (bars.isEmpty()) {
            grid.setSelectionMode(com.vaadin.flow.component.grid.Grid.SelectionMode.SINGLE);
        }
        return bars;
    }
}
