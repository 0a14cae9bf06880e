package app.funnel.savedview.ui;

import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.Messages;
import app.funnel.savedview.SavedView;
import app.funnel.savedview.SavedViewService;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.function.Supplier;

/**
 * The "Views" menu of a grid: the views I saved and those shared with my roles (opening one opens
 * its URL, so the grid restores its tab, filters, sort and columns), "Save this view…", and the
 * deletion of my own.
 */
public final class SavedViewsMenu extends MenuBar {

    private final SavedViewService views;
    private final String grid;
    private final Supplier<String> currentQuery;

    /**
     * @param grid         the grid's route ({@code leads}, {@code opportunities})
     * @param currentQuery the query string of the grid's state now
     */
    public SavedViewsMenu(SavedViewService views, String grid, Supplier<String> currentQuery) {
        this.views = views;
        this.grid = grid;
        this.currentQuery = currentQuery;
        setId(grid + "-views");
        addThemeVariants(MenuBarVariant.TERTIARY);
        build();
    }

    private void build() {
        removeAll();
        MenuItem top = addItem(new Icon(VaadinIcon.BOOKMARK));
        top.add(getTranslation("views.menu"));
        top.setId(grid + "-views-menu");
        top.setAriaLabel(getTranslation("views.menu"));
        SubMenu menu = top.getSubMenu();
        List<SavedView> saved = views.list(grid);
        if (saved.isEmpty()) {
            MenuItem none = menu.addItem(getTranslation("views.none"));
            none.setEnabled(false);
        }
        for (SavedView view : saved) {
            String label = view.name() + (view.sharedWith() == null ? ""
                    : " · " + getTranslation("views.shared-with", getTranslation("role." + view.sharedWith().name())));
            MenuItem item = menu.addItem(label, e -> open(view));
            item.getElement().setAttribute("data-view", view.name());
        }
        menu.addComponent(new com.vaadin.flow.component.html.Hr());
        MenuItem save = menu.addItem(getTranslation("views.save"), e -> saveDialog());
        save.setId(grid + "-views-save");
        if (saved.stream().anyMatch(v -> v.mine() || mayDeleteAny())) {
            MenuItem manage = menu.addItem(getTranslation("views.manage"), e -> manageDialog());
            manage.setId(grid + "-views-manage");
        }
    }

    private static boolean mayDeleteAny() {
        return CurrentUser.get().map(me -> me.has(Role.LEADERSHIP) || me.has(Role.ADMIN)).orElse(false);
    }

    private void open(SavedView view) {
        UI.getCurrent().navigate(grid, QueryParameters.fromString(view.query()));
    }

    private void saveDialog() {
        Dialog dialog = new Dialog(getTranslation("views.save"));
        dialog.setId("views-save-dialog");
        TextField name = Fields.text(getTranslation("views.name"), 80);
        name.setId("views-name");
        name.setRequiredIndicatorVisible(true);
        Select<Role> share = new Select<>();
        share.setLabel(getTranslation("views.share"));
        share.setId("views-share");
        share.setItems(Role.MARKETING, Role.SALES, Role.LEADERSHIP);
        share.setItemLabelGenerator(role -> role == null ? getTranslation("views.share.nobody")
                : getTranslation("role." + role.name()));
        share.setEmptySelectionAllowed(true);
        share.setEmptySelectionCaption(getTranslation("views.share.nobody"));
        boolean leadership = CurrentUser.get().map(me -> me.has(Role.LEADERSHIP)).orElse(false);
        share.setVisible(leadership);
        dialog.add(new Div(name, share));
        Button save = new Button(getTranslation("views.save.button"), e -> {
            try {
                views.save(grid, name.getValue(), currentQuery.get(), share.getValue());
                Messages.success(getTranslation("views.saved", name.getValue().strip()));
                dialog.close();
                build();
            } catch (InvalidInputException invalid) {
                name.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
                name.setInvalid(true);
            }
        });
        save.setId("views-save-button");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("views.cancel"), e -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    private void manageDialog() {
        Dialog dialog = new Dialog(getTranslation("views.manage"));
        dialog.setId("views-manage-dialog");
        Div list = new Div();
        for (SavedView view : views.list(grid)) {
            if (!view.mine() && !mayDeleteAny()) {
                continue;
            }
            Button delete = new Button(new Icon(VaadinIcon.TRASH), e -> {
                views.delete(view.id());
                e.getSource().getParent().ifPresent(row -> row.removeFromParent());
                build();
            });
            delete.addThemeVariants(ButtonVariant.TERTIARY);
            delete.setAriaLabel(getTranslation("views.delete", view.name()));
            delete.setTooltipText(getTranslation("views.delete", view.name()));
            Div row = new Div(new com.vaadin.flow.component.html.Span(view.name()
                    + (view.mine() ? "" : " · " + view.ownerName())), delete);
            row.addClassName("funnel-view-row");
            list.add(row);
        }
        dialog.add(list);
        dialog.getFooter().add(new Button(getTranslation("views.close"), e -> dialog.close()));
        dialog.open();
    }
}
