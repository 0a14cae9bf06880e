package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Record pages in the production bundle: {@code leads/123} and {@code opportunities/45} are pages
 * of their own (a link, a bookmark, a print), while the grid keeps opening a record in a dialog for
 * quick edits; the dialog's address, reloaded, is the page.
 */
class RecordPagesBrowserIT extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_link_to_a_lead_opens_its_page_and_the_grid_still_opens_a_dialog_whose_address_is_that_page() {
        Map<String, Object> lead = jdbc.queryForMap(
                "SELECT id, first_name, last_name, company FROM leads WHERE status = 'MQL' AND company IS NOT NULL ORDER BY id LIMIT 1");
        long id = ((Number) lead.get("id")).longValue();
        String name = lead.get("first_name") + " " + lead.get("last_name");
        Page page = chromium.newPage("en-US", 1440, 900);
        Chromium.logIn(page, base(), "leadership", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);

        page.navigate(base() + "/leads/" + id);
        assertThat(page.locator("#lead-page-title")).hasText(name);
        assertThat(page).hasTitle(name + " · Funnel");
        assertThat(page.locator("#lead-status")).containsText("MQL");
        assertThat(page.locator("#lead-actions")).isVisible();
        assertThat(page.locator("#record-work")).isVisible();
        assertThat(page.locator("#lead-history")).isAttached();
        assertThat(page.locator("#print-lead")).isVisible();
        assertThat(page.locator("#lead-dialog")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-lead-record-leadership-en-US.png")));

        page.locator("#back-to-leads").click();
        assertThat(page).hasURL(Pattern.compile(".*/leads$"));
        page.locator("#filter-text input").fill(String.valueOf(lead.get("company")));
        // the filter is in the address once the server has filtered the grid: its rows are the ones to click
        assertThat(page).hasURL(Pattern.compile(".*text=.*"));
        page.locator("#leads-grid").getByText(name, new Locator.GetByTextOptions().setExact(true)).first().click();
        assertThat(page.locator("#lead-dialog #lead-status")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/leads/\\d+.*"));
        page.reload();
        assertThat(page.locator("#lead-page")).isVisible();
        assertThat(page.locator("#lead-dialog")).hasCount(0);

        // a filter that matches nothing says so, and one click clears it
        page.navigate(base() + "/leads?text=zzqx" + System.nanoTime());
        assertThat(page.locator("#leads-empty")).containsText("No leads match these filters.");
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-leads-empty-leadership-en-US.png")));
        page.locator("#leads-clear-filters").click();
        assertThat(page).hasURL(Pattern.compile(".*/leads$"));
        assertThat(page.locator("#filter-text input")).hasValue("");
        assertThat(page.locator("#leads-empty")).isHidden();
        page.context().close();
    }

    @Test
    void a_deal_page_on_a_phone_in_portuguese_keeps_its_buttons_on_screen() {
        long deal = jdbc.queryForObject("""
                SELECT o.id FROM opportunity o JOIN app_user u ON u.id = o.owner_id
                WHERE u.username = 'sales' AND o.stage NOT IN ('WON', 'LOST') ORDER BY o.id LIMIT 1""", Long.class);
        String name = jdbc.queryForObject("SELECT name FROM opportunity WHERE id = ?", String.class, deal);
        Page phone = chromium.newPage("pt-BR", 390, 844);
        Chromium.logIn(phone, base(), "sales", DemoMode.DEMO_PASSWORD);
        phone.locator("#my-work").waitFor();
        phone.navigate(base() + "/opportunities/" + deal);
        assertThat(phone.locator("#opportunity-page-title")).hasText(name);
        assertThat(phone.locator("#opportunity-summary")).isVisible();
        assertThat(phone.locator("#back-to-opportunities")).containsText("Todos os negócios");
        for (String button : new String[] {"#save-opportunity", "#close-opportunity", "#print-opportunity"}) {
            Locator control = phone.locator(button);
            control.scrollIntoViewIfNeeded();
            var box = control.boundingBox();
            org.assertj.core.api.Assertions.assertThat(box.x + box.width).as(button + " ends on screen").isLessThanOrEqualTo(390.5);
            org.assertj.core.api.Assertions.assertThat(box.x).as(button + " starts on screen").isGreaterThanOrEqualTo(0);
        }
        phone.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-deal-page-pt-BR.png")));
        phone.locator("#close-opportunity").click();
        assertThat(phone).hasURL(Pattern.compile(".*/opportunities$"));
        phone.context().close();
    }

    @Test
    void marketing_logs_a_lead_from_the_keyboard_alt_n_then_ctrl_s() {
        String tag = String.valueOf(System.nanoTime() % 1_000_000);
        Page page = chromium.newPage("en-US", 1440, 900);
        Chromium.logIn(page, base(), "marketing", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/leads");
        page.locator("#leads-grid").waitFor();
        page.keyboard().press("Alt+n");
        page.locator("#lead-first-name input").fill("Kim");
        page.locator("#lead-last-name input").fill("Keys" + tag);
        page.locator("#lead-email input").fill("kim" + tag + "@keys-" + tag + ".com");
        page.keyboard().press("Control+s");
        assertThat(page.locator("#lead-actions")).isVisible();
        assertThat(page.locator("#lead-dialog #lead-status")).containsText("New");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM leads WHERE last_name = ?", Long.class, "Keys" + tag)).isEqualTo(1);
        page.context().close();
    }
}
