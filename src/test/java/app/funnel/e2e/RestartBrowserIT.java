package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.Application;
import app.funnel.SharedTestDatabase;
import app.funnel.base.DemoMode;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import app.funnel.RestoresSecurityContextStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The default run as a user has it: Funnel on its own embedded MariaDB with the data in a
 * directory; what was entered before a clean stop is there after the next start.
 */
@ExtendWith(RestoresSecurityContextStrategy.class)
class RestartBrowserIT {

    @Test
    void data_entered_before_a_restart_is_there_after_it() throws Exception {
        Path dataDir = SharedTestDatabase.workDir().resolve("restart-" + ProcessHandle.current().pid());
        FileSystemUtils.deleteRecursively(dataDir);
        try (Chromium chromium = new Chromium()) {
            try (ConfigurableApplicationContext first = start(dataDir)) {
                String base = baseUrl(first);
                Page admin = chromium.newPage();
                Chromium.logIn(admin, base, "admin", DemoMode.DEMO_PASSWORD);
                Chromium.waitForShell(admin);
                admin.navigate(base + "/admin/users");
                admin.locator("#new-user").click();
                admin.locator("#new-username input").fill("joao.avila");
                admin.locator("#new-display-name input").fill("João Ávila");
                admin.locator("#new-email input").fill("joao@exemplo.com.br");
                admin.locator("#new-roles").getByText("Sales").click();
                admin.locator("#new-password input").fill("servidores para o data center");
                admin.locator("#create-user").click();
                assertThat(admin.getByText("User joao.avila created.")).isVisible();
                admin.context().close();
            }
            assertThat(Files.isDirectory(dataDir.resolve("mariadb"))).as("data directory kept after stop").isTrue();

            try (ConfigurableApplicationContext second = start(dataDir)) {
                Page joao = chromium.newPage();
                Chromium.logIn(joao, baseUrl(second), "joao.avila", "servidores para o data center");
                assertThat(Chromium.navigation(joao)).contains("Home", "Profile");
                assertThat(joao.locator("#current-user-name")).hasText("João Ávila");
                joao.context().close();
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments: they outrank application.properties, as a user's settings would
        return new SpringApplicationBuilder(Application.class)
                .run("--funnel.test.shared-db=false",
                        "--funnel.data-dir=" + dataDir,
                        "--server.port=0",
                        "--vaadin.devmode.devTools.enabled=false");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
