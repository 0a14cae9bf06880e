package app.funnel.e2e;

import app.funnel.FunnelAppTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An end-to-end test: the running app on a random port, and one headless Chromium per test class. */
@FunnelAppTest
abstract class BrowserTest {

    static Chromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    String base() {
        return "http://localhost:" + port;
    }
}
