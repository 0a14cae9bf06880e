package app.funnel.e2e;

import app.funnel.FunnelAppTest;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An end-to-end test: the running app on a random port, and one headless Chromium per test class.
 * Every class also fails when the server said that a component it showed is missing from the
 * production bundle (its JavaScript never loads: the component is dead in the browser), as when
 * a component reached only through a Spring bean was left out of the bundle.
 */
@FunnelAppTest
abstract class BrowserTest {

    static Chromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
        BundleWarnings.INSTANCE.lines.clear();
    }

    /** After the Spring context started (it configures logging anew), once per JVM. */
    @BeforeEach
    void watchTheBundle() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(BundleWarnings.NAME) == null) {
            BundleWarnings.INSTANCE.setContext(root.getLoggerContext());
            BundleWarnings.INSTANCE.start();
            root.addAppender(BundleWarnings.INSTANCE);
        }
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
        org.assertj.core.api.Assertions.assertThat(BundleWarnings.INSTANCE.lines)
                .as("components the server found missing from the production bundle").isEmpty();
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Leadership publishes a new definitions version (the Lead text with the note added); its number. */
    static int publishAVersion(app.funnel.definition.DefinitionService definitions, String note) {
        try {
            app.funnel.TestLogins.as("leadership", app.funnel.security.Role.LEADERSHIP);
            var lead = definitions.draft(app.funnel.definition.Term.LEAD);
            var entry = lead.entry();
            definitions.saveDraft(new app.funnel.definition.DefinitionEntry(entry.term(), entry.body() + "\n\n" + note,
                    entry.examples(), entry.criteria(), entry.probability(), entry.slaHours()), lead.rowVersion());
            return definitions.publish(note).number();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    /** Keeps the server's "... was not included when creating the production bundle" lines. */
    static final class BundleWarnings extends AppenderBase<ILoggingEvent> {
        static final String NAME = "funnel-bundle-warnings";
        static final BundleWarnings INSTANCE = new BundleWarnings();
        final List<String> lines = new CopyOnWriteArrayList<>();

        private BundleWarnings() {
            setName(NAME);
        }

        @Override
        protected void append(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            if (message != null && message.contains("not included when creating the production bundle")) {
                lines.add(message);
            }
        }
    }
}
