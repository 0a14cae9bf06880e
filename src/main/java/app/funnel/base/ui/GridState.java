package app.funnel.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A grid's state in the address bar: the view's filters and tab, the sort and the hidden columns
 * as query parameters ({@code leads?status=SQL&text=ana&sort=createdAt,desc&hide=email}), so a
 * screen can be bookmarked, shared, saved as a view, and the back button returns to the previous
 * filters. Each change pushes a history entry; while the view restores a state from the URL
 * nothing is written.
 */
public final class GridState<T> {

    private final Grid<T> grid;
    private final String route;
    private boolean restoring;
    private String written = "";
    /** Set while the user navigates away from the view (until it is entered again). */
    private boolean leaving;
    private com.vaadin.flow.shared.@org.jspecify.annotations.Nullable Registration leave;

    /** The grid's columns must have keys: they name the sort and the hidden columns in the URL. */
    public GridState(Grid<T> grid, String route) {
        this.grid = grid;
        this.route = route;
        grid.addAttachListener(e -> {
            if (leave != null) {
                leave.remove();
            }
            leave = e.getUI().addBeforeLeaveListener(event -> leaving = true);
        });
        grid.addDetachListener(e -> {
            if (leave != null) {
                leave.remove();
                leave = null;
            }
        });
    }

    /**
     * While a record's dialog opened from the grid is open, the address is the record's page
     * (reloaded or shared, it opens the page), and the grid's again once it closes; a dialog closed
     * because the user goes elsewhere leaves the new address alone.
     */
    public void follow(com.vaadin.flow.component.dialog.Dialog dialog, long id) {
        dialog.addOpenedChangeListener(e -> {
            if (!leaving) {
                grid.getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                        location(e.isOpened() ? "/" + id : "")));
            }
        });
    }

    /** Runs the restoring of a state (the view is entered): the value changes it causes write nothing. */
    public void restoring(Runnable restore) {
        leaving = false;
        boolean before = restoring;
        restoring = true;
        try {
            restore.run();
        } finally {
            restoring = before;
        }
    }

    public boolean isRestoring() {
        return restoring;
    }

    /** Applies the sort and the hidden columns of the URL (unknown keys are ignored). */
    public void restore(QueryParameters parameters) {
        restoring(() -> {
            Optional<String> sort = parameters.getSingleParameter("sort");
            if (sort.isPresent()) {
                String[] parts = sort.get().split(",");
                Grid.Column<T> column = grid.getColumnByKey(parts[0]);
                if (column != null && column.isSortable()) {
                    grid.sort(List.of(new GridSortOrder<>(column, parts.length > 1 && parts[1].equals("desc")
                            ? SortDirection.DESCENDING : SortDirection.ASCENDING)));
                }
            } else if (!grid.getSortOrder().isEmpty()) {
                grid.sort(List.of());
            }
            List<String> hidden = parameters.getSingleParameter("hide").map(h -> List.of(h.split(","))).orElse(List.of());
            for (Grid.Column<T> column : grid.getColumns()) {
                if (column.getKey() != null && !column.getKey().startsWith("_")) {
                    column.setVisible(!hidden.contains(column.getKey()));
                }
            }
        });
    }

    /** After a restore: the state shown is the one in the URL, so the next change writes a new entry. */
    public void settled(Map<String, String> filters) {
        written = queryString(filters);
    }

    /** The query string of the view's filters, with the sort and the hidden columns added. */
    public String queryString(Map<String, String> filters) {
        Map<String, String> parameters = new LinkedHashMap<>(filters);
        grid.getSortOrder().stream().findFirst().ifPresent(order -> parameters.put("sort", order.getSorted().getKey()
                + (order.getDirection() == SortDirection.DESCENDING ? ",desc" : "")));
        List<String> hidden = new ArrayList<>();
        grid.getColumns().stream().filter(c -> !c.isVisible() && c.getKey() != null).forEach(c -> hidden.add(c.getKey()));
        if (!hidden.isEmpty()) {
            parameters.put("hide", String.join(",", hidden));
        }
        return QueryParameters.simple(parameters).getQueryString();
    }

    /** Pushes the state to the browser's history when it changed (not while restoring). */
    public void write(Map<String, String> filters) {
        if (restoring) {
            return;
        }
        String query = queryString(filters);
        if (query.equals(written)) {
            return;
        }
        written = query;
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().getHistory().pushState(null, location(""));
        }
    }

    /** The view's address with the current state, under a sub-path ("/123" for a record's dialog) or none. */
    public String location(String subPath) {
        return route + subPath + (written.isEmpty() ? "" : "?" + written);
    }

    /** A button with a menu that shows and hides the columns (the first column, the name, always stays). */
    public Component columnChooser(Runnable changed) {
        Button button = new Button(new Icon(VaadinIcon.GRID_H));
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setId(grid.getId().orElse("grid") + "-columns");
        String label = button.getTranslation("grid.columns");
        button.setAriaLabel(label);
        button.setTooltipText(label);
        ContextMenu menu = new ContextMenu(button);
        menu.setOpenOnClick(true);
        List<Grid.Column<T>> columns = grid.getColumns().stream()
                .filter(c -> c.getKey() != null && !c.getKey().startsWith("_")).toList();
        for (int i = 1; i < columns.size(); i++) {
            Grid.Column<T> column = columns.get(i);
            MenuItem item = menu.addItem(button.getTranslation("grid.column." + column.getKey()));
            item.setCheckable(true);
            item.setChecked(column.isVisible());
            item.setId("column-" + column.getKey());
            item.addClickListener(e -> {
                column.setVisible(item.isChecked());
                changed.run();
            });
            // a state restored from the URL shows in the menu when it opens
            menu.addOpenedChangeListener(e -> item.setChecked(column.isVisible()));
        }
        return button;
    }
}
