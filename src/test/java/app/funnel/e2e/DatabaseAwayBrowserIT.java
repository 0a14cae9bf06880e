package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.Application;
import app.funnel.RestoresSecurityContextStrategy;
import app.funnel.SharedTestDatabase;
import app.funnel.base.DemoMode;
import app.funnel.database.EmbeddedMariaDb;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * What a user sees when the embedded database dies under Funnel (its process killed): a save says
 * the database is away and nothing was saved, a page says so instead of a stack-trace sentence, a
 * login says so in the user's language instead of "wrong password"; once the server is back, the
 * same pages and the same save work without restarting Funnel, and what failed was not stored.
 */
@ExtendWith(RestoresSecurityContextStrategy.class)
class DatabaseAwayBrowserIT {

    private static final LocatorAssertions.IsVisibleOptions SLOW = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(60_000);

    @Test
    void users_are_told_the_database_is_away_and_work_again_once_it_is_back() throws Exception {
        Path dataDir = SharedTestDatabase.workDir().resolve("away-" + ProcessHandle.current().pid());
        FileSystemUtils.deleteRecursively(dataDir);
        try (Chromium chromium = new Chromium();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
                     "--funnel.test.shared-db=false", "--funnel.data-dir=" + dataDir, "--server.port=0",
                     // the test restarts the server itself, after it has looked at the screens
                     "--funnel.embedded-db.watch-interval=1h", "--funnel.backup.cron=-",
                     "--vaadin.devmode.devTools.enabled=false")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Page marketing = chromium.newPage("en-US", 1440, 900);
            Chromium.logIn(marketing, base, "marketing", DemoMode.DEMO_PASSWORD);
            Chromium.waitForShell(marketing);
            marketing.navigate(base + "/leads");
            marketing.locator("#new-lead").click();
            marketing.locator("#lead-first-name input").fill("Dora");
            marketing.locator("#lead-last-name input").fill("Fora do Ar");
            marketing.locator("#lead-email input").fill("dora.fora@away.example.com");

            ProcessHandle mariadbd = ProcessHandle.of(Long.parseLong(Files.readString(
                    dataDir.resolve("mariadb-tmp").resolve("mariadbd.pid")).strip())).orElseThrow();
            mariadbd.destroyForcibly();
            mariadbd.onExit().get(30, TimeUnit.SECONDS);

            marketing.locator("#save-lead").click();
            assertThat(marketing.getByText("The database cannot be reached right now")).isVisible(SLOW);
            assertThat(marketing.getByText("Your change was not saved").first()).isVisible();
            marketing.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("database-away-save-en-US.png")));

            marketing.navigate(base + "/dashboard");
            assertThat(marketing.getByText("The database is not reachable")).isVisible(SLOW);
            assertThat(marketing.locator("#view-title")).hasText("Dashboard");
            assertThat(marketing.getByText("ConnectException")).hasCount(0);
            assertThat(marketing.getByText("There was an exception")).hasCount(0);
            marketing.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("database-away-page-en-US.png")));

            Page leadership = chromium.newPage("pt-BR", 390, 844);
            Chromium.logIn(leadership, base, "leadership", DemoMode.DEMO_PASSWORD);
            assertThat(leadership.getByText("O Funnel não consegue verificar sua senha agora")).isVisible(SLOW);
            leadership.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("database-away-login-pt-BR.png")));

            long restarting = System.nanoTime();
            app.getBean(EmbeddedMariaDb.class).restart();
            boolean working = false;
            while (!working && System.nanoTime() - restarting < TimeUnit.SECONDS.toNanos(60)) {
                marketing.navigate(base + "/dashboard");
                marketing.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                working = marketing.locator("#main-nav").count() > 0
                        && marketing.getByText("The database is not reachable").count() == 0;
            }
            System.out.printf("Pages worked again %d ms after the database restart began%n",
                    (System.nanoTime() - restarting) / 1_000_000);
            assertThat(working).as("the dashboard works again without restarting Funnel").isTrue();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE email = 'dora.fora@away.example.com'",
                    Long.class)).as("the save that failed stored nothing").isZero();

            marketing.navigate(base + "/leads");
            LeadsBrowserIT.createLead(marketing, "Dora", "Fora do Ar", "dora.fora@away.example.com", "Volta Ltda", false);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE email = 'dora.fora@away.example.com'",
                    Long.class)).isEqualTo(1);

            Chromium.logIn(leadership, base, "leadership", DemoMode.DEMO_PASSWORD);
            leadership.locator("#bell").waitFor(); // the shell, on a phone (its menu is folded away)
            marketing.context().close();
            leadership.context().close();
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
