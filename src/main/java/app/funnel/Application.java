package app.funnel;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.LoadDependenciesOnStartup;
import com.vaadin.flow.theme.aura.Aura;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/*
 * Every view's components are loaded with the first page: the production bundle otherwise splits
 * them per route, and a dialog one feature opens inside another's view (the conversion dialog on the
 * lead view, through LeadExtension) found its amount field's JavaScript missing until the user had
 * visited the view that owns it.
 */
@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
@LoadDependenciesOnStartup
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("styles.css")
// colleagues' changes reach open screens at once: WebSocket, falling back to long polling through proxies that refuse it
@com.vaadin.flow.component.page.Push(transport = com.vaadin.flow.shared.ui.Transport.WEBSOCKET_XHR)
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (app.funnel.database.FunnelCommands.handles(args)) {
            // funnel backup, funnel restore FILE: run without starting the application
            app.funnel.database.FunnelCommands.runAndExit(args);
            return;
        }
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
        settings.addMetaTag("description", "Funnel: one shared definition of lead and opportunity, and the funnel built on it.");
    }
}
