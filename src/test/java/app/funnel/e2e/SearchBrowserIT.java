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
 * The global search driven from the keyboard, as a rep finds a caller: Ctrl+K from any view, type
 * a few letters of the surname, arrow down to the lead, Enter opens it. On a phone the box stays in
 * the navbar and the results fit the screen.
 */
class SearchBrowserIT extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    app.funnel.definition.DefinitionService definitions;

    @Test
    void ctrl_k_finds_a_lead_by_surname_and_enter_opens_it() {
        Map<String, Object> lead = jdbc.queryForMap(
                "SELECT id, last_name, company FROM leads WHERE CHAR_LENGTH(last_name) >= 4 ORDER BY id LIMIT 1");
        String surname = (String) lead.get("last_name");
        Page page = chromium.newPage("en-US", 1440, 900);
        Chromium.logIn(page, base(), "sales", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/board");
        Chromium.waitForShell(page);

        page.keyboard().press("Control+k");
        Locator input = page.locator("#global-search input");
        assertThat(input).isFocused();
        page.keyboard().type(surname.substring(0, 4));
        Locator items = page.locator("vaadin-combo-box-item");
        assertThat(items.first()).isVisible();
        assertThat(page.locator(".funnel-search-group").first()).containsText("Leads");
        assertThat(items.filter(new Locator.FilterOptions().setHasText(surname)).first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-search-sales-en-US.png")));

        // the first hit whose title carries the surname: arrow down to it, then Enter
        int target = -1;
        for (int i = 0; i < items.count(); i++) {
            if (items.nth(i).innerText().contains(surname)) {
                target = i;
                break;
            }
        }
        for (int i = 0; i <= target; i++) {
            page.keyboard().press("ArrowDown");
        }
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/leads/\\d+.*"));
        assertThat(page.locator("#lead-status")).isVisible();
        assertThat(page.locator("#lead-last-name input")).hasValue(Pattern.compile(".+"));
        page.context().close();
    }

    @Test
    void on_a_phone_the_search_opens_a_deal_in_portuguese() {
        String deal = jdbc.queryForObject("SELECT name FROM opportunity ORDER BY id LIMIT 1", String.class);
        newVersionSalesHasNotRead();
        Page phone = chromium.newPage("pt-BR", 390, 844);
        Chromium.logIn(phone, base(), "sales", DemoMode.DEMO_PASSWORD);
        phone.locator("#my-work").waitFor();
        Locator box = phone.locator("#global-search");
        assertThat(box).isVisible();
        double right = ((Number) box.evaluate("e => e.getBoundingClientRect().right")).doubleValue();
        org.junit.jupiter.api.Assertions.assertTrue(right <= 390, "the search box ends inside the screen, at " + right);
        // the widest navbar a rep meets: the banner of a changed definition, the search and the bell
        assertThat(phone.locator("#ack-read")).isVisible();
        double read = ((Number) phone.locator("#ack-acknowledge").evaluate("e => e.getBoundingClientRect().right")).doubleValue();
        org.junit.jupiter.api.Assertions.assertTrue(read <= 390, "the banner ends inside the screen, at " + read);
        double bell = ((Number) phone.locator("#bell-button").evaluate("e => e.getBoundingClientRect().right")).doubleValue();
        org.junit.jupiter.api.Assertions.assertTrue(bell <= 390, "the bell ends inside the screen, at " + bell);
        box.locator("input").click();
        phone.keyboard().type(deal.substring(0, Math.min(deal.length(), 6)));
        Locator group = phone.locator(".funnel-search-group").filter(new Locator.FilterOptions().setHasText("Oportunidades"));
        assertThat(group.first()).isVisible();
        phone.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-search-pt-BR.png")));
        phone.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(deal)).first().click();
        assertThat(phone).hasURL(Pattern.compile(".*/opportunities/\\d+.*"));
        phone.context().close();
    }

    /** Sales has read every version so far, then leadership publishes one more: the banner asks to read what changed. */
    private void newVersionSalesHasNotRead() {
        try {
            app.funnel.TestLogins.as("sales", app.funnel.security.Role.SALES);
            definitions.acknowledge(definitions.currentVersion());
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        publishAVersion(definitions, "Phone banner " + System.nanoTime() % 100_000);
    }
}
