package app.funnel.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown instead of Vaadin's "There was an exception while trying to navigate to ..." with a root
 * cause: a page that could not be built says why in the user's language (the database away, or an
 * incident number that the log repeats with the stack trace) and offers to try again.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
final class FailedNavigationView extends Main implements HasErrorParameter<Exception>, app.funnel.base.ui.ViewHeader {

    private String header = "";

    FailedNavigationView() {
        addClassName("funnel-view");
        setId("failed-navigation");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        UI ui = event.getUI();
        boolean away = ErrorReporting.databaseAway(parameter.getException());
        // the shell's header names the page the user asked for, as its menu entry does
        String path = event.getLocation().getPath();
        header = com.vaadin.flow.server.menu.MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> entry.path().replaceFirst("^/", "").equals(path))
                .map(entry -> getTranslation(entry.title())).findFirst().orElseGet(() -> getTranslation("app.name"));
        add(new H2(getTranslation(away ? "database.away.title" : "error.page.title")),
                new Paragraph(ErrorReporting.message(ui, parameter.getException())),
                new Anchor(event.getLocation().getPathWithQueryParameters(), getTranslation("error.page.again")));
        return away ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String viewHeader() {
        return header;
    }
}
