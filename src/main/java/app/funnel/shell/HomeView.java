package app.funnel.shell;

import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;

/**
 * Where everyone lands after login: who they are, what their roles mean in Funnel, and the parts of
 * Funnel they may open.
 */
@Route("")
@Menu(order = 0, title = "menu.home", icon = "vaadin:home")
@PermitAll
final class HomeView extends Main implements HasDynamicTitle {

    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.home") + " · " + getTranslation("app.name");
    }

    HomeView(app.funnel.database.Backups backups, app.funnel.mywork.MyWorkService myWork,
             app.funnel.activity.WorkNames names, app.funnel.base.ui.LiveUpdates live) {
        addClassName("funnel-view");
        CurrentUser user = CurrentUser.require();
        add(new H2(getTranslation("home.welcome", user.displayName())));
        add(new Paragraph(getTranslation("app.tagline")));
        if (user.roles().contains(Role.ADMIN)) {
            var status = backups.status();
            if (status.overdue() || status.failedAt() != null) {
                Div warning = new Div(new Span(getTranslation(status.overdue() ? "backups.overdue" : "backups.failed",
                        app.funnel.base.ui.Messages.dateTime(status.failedAt()), status.failure()) + " "),
                        new Anchor("admin/backups", getTranslation("menu.backups")));
                warning.addClassName("funnel-warning");
                warning.setId("backup-warning");
                add(warning);
            }
        }

        if (!user.roles().isEmpty()) {
            add(new app.funnel.mywork.ui.MyWorkPanel(myWork, names, live));
        }

        add(new H2(getTranslation("home.roles")));
        Div roles = new Div();
        roles.addClassName("funnel-cards");
        roles.setId("home-roles");
        if (user.roles().isEmpty()) {
            roles.add(new Paragraph(getTranslation("home.no-roles")));
        }
        for (Role role : user.roles().stream().sorted().toList()) {
            com.vaadin.flow.component.card.Card card = new com.vaadin.flow.component.card.Card();
            card.addClassName("funnel-card");
            card.add(new H3(getTranslation("role." + role.name())),
                    new Span(getTranslation("role." + role.name() + ".description")));
            roles.add(card);
        }
        add(roles);

        add(new H2(getTranslation("home.open")));
        Div places = new Div();
        places.addClassName("funnel-cards");
        places.setId("home-places");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.title().equals("menu.home")) {
                continue;
            }
            com.vaadin.flow.component.card.Card card = new com.vaadin.flow.component.card.Card();
            card.addClassName("funnel-card");
            String descriptionKey = "home." + entry.title().substring("menu.".length()) + ".description";
            card.add(new H3(new Anchor(entry.path(), getTranslation(entry.title()))),
                    new Span(getTranslation(descriptionKey)));
            places.add(card);
        }
        add(places);
    }
}
