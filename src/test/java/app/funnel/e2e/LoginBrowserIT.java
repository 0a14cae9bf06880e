package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.base.DemoMode;
import app.funnel.security.Role;
import app.funnel.user.NewUser;
import app.funnel.user.UserService;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What a person does at the login page and in the shell, in a real Chromium against the running app. */
class LoginBrowserIT extends BrowserTest {

    @Autowired
    UserService users;
    @Autowired
    app.funnel.security.LoginThrottle throttle;

    @Test
    void each_demo_user_logs_in_and_sees_only_the_views_of_its_roles() {
        var expected = List.of(
                new Object[] {"admin", "Ana Admin", List.of("Home", "Dashboard", "Definitions", "Acknowledgements", "Leads", "Import leads", "Duplicates", "Opportunities", "Funnel board", "Users", "Capture forms", "Backups", "Profile")},
                new Object[] {"marketing", "Márcia Marketing", List.of("Home", "Dashboard", "Definitions", "Leads", "Import leads", "Duplicates", "Opportunities", "Funnel board", "Profile")},
                new Object[] {"sales", "Sérgio Sales", List.of("Home", "Dashboard", "Definitions", "Leads", "Opportunities", "Funnel board", "Profile")},
                new Object[] {"leadership", "Lígia Leadership", List.of("Home", "Dashboard", "Definitions", "Acknowledgements", "Leads", "Import leads", "Duplicates", "Opportunities", "Funnel board", "Profile")});
        for (Object[] row : expected) {
            Page page = chromium.newPage();
            Chromium.logIn(page, base(), (String) row[0], DemoMode.DEMO_PASSWORD);
            assertThat(Chromium.navigation(page)).as("navigation of %s", row[0]).isEqualTo(row[2]);
            assertThat(page.locator("#current-user-name")).hasText((String) row[1]);

            page.navigate(base() + "/admin/users");
            page.waitForLoadState();
            if (row[0].equals("admin")) {
                assertThat(page.locator("#users-grid")).isVisible();
            } else {
                assertThat(page.locator("#not-found")).containsText("does not exist, or your roles do not open it");
                assertThat(page.locator("#users-grid")).hasCount(0);
            }
            page.context().close();
        }
    }

    @Test
    void a_wrong_password_shows_an_error_and_stays_on_the_login_page() {
        Page page = chromium.newPage();
        Chromium.logIn(page, base(), "marketing", "not-the-password");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error.*"));
        assertThat(page.getByText("Incorrect username or password")).isVisible();
        assertThat(page.locator("#main-nav")).hasCount(0);
        page.context().close();
    }

    @Test
    void after_wrong_passwords_the_account_waits_a_few_seconds_and_then_its_right_password_logs_in() throws Exception {
        String username = "slowed" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        asAdmin(() -> users.create(new NewUser(username, "Slowed Down", "slowed@example.com", Set.of(Role.SALES),
                "the right password")));
        Page page = chromium.newPage();
        // three failures are free; each after them doubles the wait (1 s, 2 s, 4 s)
        for (int i = 1; i <= 6; i++) {
            Chromium.logIn(page, base(), username, "wrong password " + i);
            assertThat(page.getByText("Incorrect username or password")).isVisible();
            Thread.sleep(i <= 3 ? 0 : 1_100L << (i - 4));
        }
        Chromium.logIn(page, base(), username, "wrong password 7");
        Chromium.logIn(page, base(), username, "the right password");
        assertThat(page.getByText("this username waits between tries")).isVisible();
        assertThat(page.locator("#main-nav")).hasCount(0);

        Page other = chromium.newPage();
        Chromium.logIn(other, base(), "sales", DemoMode.DEMO_PASSWORD);
        assertThat(Chromium.navigation(other)).as("other users at the same address are not affected").contains("Home");
        other.context().close();

        Thread.sleep(8_500);
        Chromium.logIn(page, base(), username, "the right password");
        assertThat(Chromium.navigation(page)).as("never locked out: after the wait the password works").contains("Home");
        page.context().close();
    }

    @Test
    void an_account_under_attack_is_shown_to_admins_on_the_users_page() {
        String username = "target" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        asAdmin(() -> users.create(new NewUser(username, "Under Attack", "attack@example.com", Set.of(Role.SALES),
                "the right password")));
        for (int i = 0; i < 12; i++) {
            throttle.recordFailure(username, "203.0.113." + (i % 4), true);
        }
        Page admin = chromium.newPage();
        Chromium.logIn(admin, base(), "admin", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(admin);
        admin.navigate(base() + "/admin/users");
        assertThat(admin.locator("#login-attack-" + username)).containsText("12 failed logins from 4 address(es)");
        admin.context().close();
    }

    @Test
    void an_admin_creates_a_user_who_then_logs_in_and_an_admin_can_log_out() {
        String username = "nina" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Page admin = chromium.newPage();
        Chromium.logIn(admin, base(), "admin", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(admin);
        admin.navigate(base() + "/admin/users");
        admin.locator("#new-user").click();
        admin.locator("#new-username input").fill(username);
        admin.locator("#new-display-name input").fill("Nina Nogueira");
        admin.locator("#new-email input").fill("nina@example.com.br");
        admin.locator("#new-roles").getByText("Marketing").click();
        admin.locator("#new-password input").fill("nina's long password");
        admin.locator("#create-user").click();
        assertThat(admin.getByText("User " + username + " created.")).isVisible();
        // the grid shows as many rows as fit (a warning above it takes room): find her by name
        admin.locator("#user-search input").fill(username);
        assertThat(admin.locator("#users-grid")).containsText("Nina Nogueira");

        admin.locator("#logout").click();
        admin.waitForURL(java.util.regex.Pattern.compile(".*/login.*"));
        assertThat(admin.locator("input[name=username]")).isVisible();
        admin.context().close();

        Page nina = chromium.newPage();
        Chromium.logIn(nina, base(), username, "nina's long password");
        assertThat(Chromium.navigation(nina)).isEqualTo(List.of("Home", "Dashboard", "Definitions", "Leads", "Import leads", "Duplicates", "Opportunities", "Funnel board", "Profile"));
        assertThat(nina.locator("#current-user-name")).hasText("Nina Nogueira");
        assertThat(nina.locator("#current-user-roles")).hasText("Marketing");
        nina.context().close();
    }

    @Test
    void disabling_a_user_ends_their_open_session_and_they_cannot_log_in_again() {
        String username = "kim" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        var created = asAdmin(() -> users.create(new NewUser(username, "Kim Kato", "kim@example.com",
                Set.of(Role.MARKETING), "kim's long password")));
        Page kim = chromium.newPage();
        Chromium.logIn(kim, base(), username, "kim's long password");
        Chromium.waitForShell(kim);
        kim.navigate(base() + "/profile");
        assertThat(kim.locator("#profile-account")).containsText(username);

        asAdmin(() -> users.setEnabled(created.id(), created.version(), false));

        kim.navigate(base() + "/profile");
        assertThat(kim.locator("input[name=username]")).isVisible();
        assertThat(kim.locator("#profile-account")).hasCount(0);
        Chromium.logIn(kim, base(), username, "kim's long password");
        assertThat(kim.locator("#main-nav")).hasCount(0);
        kim.context().close();
    }

    private <T> T asAdmin(java.util.function.Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
