package app.funnel.shell;

import app.funnel.definition.DefinitionService;
import app.funnel.definition.ui.AcknowledgementBanner;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * The shell around every view: product name, the side navigation (only the views the user's roles
 * allow, from the {@code @Menu} entries), the user's name and roles, and logout.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver,
        com.vaadin.flow.router.BeforeEnterObserver {

    private final H1 viewTitle = new H1();

    private final AcknowledgementBanner banner;

    MainLayout(AuthenticationContext authentication, DefinitionService definitions,
               app.funnel.notification.NotificationService notifications, app.funnel.base.ui.LiveUpdates live,
               app.funnel.user.UserService users, app.funnel.search.SearchService search) {
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.toggle"));
        viewTitle.getStyle().set("font-size", "1.25rem").set("margin", "0");
        viewTitle.setId("view-title");
        banner = new AcknowledgementBanner(definitions);
        Div spacer = new Div();
        spacer.getStyle().set("flex", "1");
        if (CurrentUser.get().isPresent()) {
            addToNavbar(toggle, viewTitle, banner, spacer);
            if (!CurrentUser.require().roles().isEmpty()) {
                // a user without roles may open no record, so there is nothing to search for
                addToNavbar(new app.funnel.search.ui.GlobalSearch(search));
            }
            addToNavbar(new app.funnel.notification.ui.Bell(notifications, live));
            // mails are written in the language the user works in
            com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
            if (ui != null && ui.getLocale() != null) {
                app.funnel.base.ui.WhileDatabaseAway.tolerate(() -> users.rememberLanguage(ui.getLocale()));
            }
        } else {
            addToNavbar(toggle, viewTitle, banner);
        }
        addToDrawer(brand(), new Scroller(navigation()), userArea(authentication));
    }

    private Component brand() {
        Div brand = new Div();
        brand.addClassName("funnel-brand");
        Image logo = new Image("icons/favicon.svg", "");
        brand.add(logo, new Span(getTranslation("app.name")));
        return brand;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() != null
                    ? new SideNavItem(getTranslation(entry.title()), entry.path(), iconOf(entry.icon()))
                    : new SideNavItem(getTranslation(entry.title()), entry.path());
            nav.addItem(item);
        }
        return nav;
    }

    private static Component iconOf(String icon) {
        return new Icon(icon);
    }

    private Component userArea(AuthenticationContext authentication) {
        Div area = new Div();
        area.addClassName("funnel-user");
        CurrentUser.get().ifPresent(user -> {
            Avatar avatar = new Avatar(user.displayName());
            Div names = new Div();
            names.addClassName("names");
            Span name = new Span(user.displayName());
            name.addClassName("name");
            name.setId("current-user-name");
            Span roles = new Span(user.roles().stream().sorted().map(this::roleName).collect(Collectors.joining(", ")));
            roles.addClassName("funnel-muted");
            roles.setId("current-user-roles");
            names.add(name, roles);
            Button logout = new Button(new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.TERTIARY);
            logout.setAriaLabel(getTranslation("layout.logout"));
            logout.setTooltipText(getTranslation("layout.logout"));
            logout.setId("logout");
            area.add(avatar, names, logout);
        });
        return area;
    }

    private String roleName(Role role) {
        return getTranslation("role." + role.name());
    }

    /**
     * Going somewhere else closes the dialogs the last view opened (a lead's dialog when its
     * conversion opens the deal's page, any dialog on Back); the new view opens its own after this.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        event.getUI().getChildren()
                .filter(com.vaadin.flow.component.dialog.Dialog.class::isInstance)
                .map(com.vaadin.flow.component.dialog.Dialog.class::cast)
                .filter(com.vaadin.flow.component.dialog.Dialog::isOpened)
                .toList()
                .forEach(com.vaadin.flow.component.dialog.Dialog::close);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // the shell's own reads never fail a page: with the database away, the page says so itself
        if (!app.funnel.base.ui.WhileDatabaseAway.tolerate(banner::refresh)) {
            banner.setVisible(false);
        }
        // the menu title is a translation key; views without a menu entry fall back to their page title
        String title = MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> getContent() != null && entry.menuClass() == getContent().getClass())
                .map(entry -> getTranslation(entry.title()))
                .findFirst()
                .orElseGet(() -> getContent() instanceof app.funnel.base.ui.ViewHeader header ? header.viewHeader()
                        : MenuConfiguration.getPageHeader(getContent()).orElse(""));
        viewTitle.setText(title);
    }
}
