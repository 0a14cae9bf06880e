package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.Application;
import app.funnel.RestoresSecurityContextStrategy;
import app.funnel.SharedTestDatabase;
import app.funnel.base.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * An admin backs up the embedded database from the Backups page (in Portuguese, at desktop and phone
 * size): the button runs it in the background, the page then shows the verified backup and the
 * file is in FUNNEL_BACKUP_DIR.
 */
@ExtendWith(RestoresSecurityContextStrategy.class)
class BackupsBrowserIT {

    @Test
    void an_admin_backs_up_now_and_sees_the_verified_backup() throws Exception {
        Path root = SharedTestDatabase.workDir().resolve("backups-ui-" + ProcessHandle.current().pid());
        FileSystemUtils.deleteRecursively(root);
        Path backups = root.resolve("backups");
        try (Chromium chromium = new Chromium();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
                     "--funnel.test.shared-db=false", "--funnel.data-dir=" + root.resolve("data"),
                     "--funnel.backup.dir=" + backups, "--funnel.backup.cron=-", "--server.port=0",
                     "--vaadin.devmode.devTools.enabled=false")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            Page admin = chromium.newPage("pt-BR", 1440, 900);
            Chromium.logIn(admin, base, "admin", DemoMode.DEMO_PASSWORD);
            Chromium.waitForShell(admin);
            admin.navigate(base + "/admin/backups");
            assertThat(admin.locator("#backup-last")).containsText("Nenhum backup ainda");
            admin.locator("#backup-now").click();
            Locator last = admin.locator("#backup-last");
            assertThat(last).containsText("KB", new com.microsoft.playwright.assertions.LocatorAssertions
                    .ContainsTextOptions().setTimeout(120_000));
            assertThat(last).containsText("verificado");
            assertThat(admin.locator("vaadin-notification-card").last()).containsText("Backup gravado e verificado");
            assertThat(admin.locator("body")).not().containsText("!{");
            admin.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-admin-backups-done-pt-BR.png")));
            try (Stream<Path> files = Files.list(backups)) {
                assertThat(files.filter(f -> f.toString().endsWith(".sql.gz")).count()).isEqualTo(1);
            }
            Page phone = chromium.newPage("pt-BR", 390, 844);
            Chromium.logIn(phone, base, "admin", DemoMode.DEMO_PASSWORD);
            phone.navigate(base + "/admin/backups");
            assertThat(phone.locator("#backup-last")).containsText("KB");
            assertThat(phone.locator("#backup-now")).isInViewport();
            phone.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-admin-backups-pt-BR.png")));
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }
}
