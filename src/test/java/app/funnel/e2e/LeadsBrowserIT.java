package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Marketing logs a lead, qualifies it and hands it to sales, confirming what the definitions ask
 * on the way; the salesperson finds it among their SQLs and accepts it. A fake-looking lead shows
 * its flags.
 */
class LeadsBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void marketing_hands_a_lead_to_sales_who_accepts_it_and_fake_leads_show_their_flags() {
        String base = base();
        String company = "Datacenter " + ThreadLocalRandom.current().nextInt(100_000, 999_999);

        Page marketing = chromium.newPage();
        Chromium.logIn(marketing, base, "marketing", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(marketing);
        marketing.navigate(base + "/leads");
        createLead(marketing, "Daniela", "Dias", "daniela.dias@ibm.com", company, false);
        assertThat(marketing.locator("#lead-status")).containsText("New");

        marketing.locator("#lead-qualify").click();
        confirmEverythingMissing(marketing);
        assertThat(marketing.locator("#lead-status")).containsText("MQL");

        Locator owner = marketing.locator("#handover-owner input");
        owner.fill("Sérgio Sales");
        marketing.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Sérgio Sales"))
                .first().click();
        marketing.locator("#lead-hand-over").click();
        confirmEverythingMissing(marketing);
        assertThat(marketing.locator("#lead-status")).containsText("SQL");

        marketing.locator("#lead-dialog").getByText("Close").click();
        marketing.locator("#new-lead").click();
        marketing.locator("#lead-first-name input").fill("Test");
        marketing.locator("#lead-last-name input").fill("Asdf");
        marketing.locator("#lead-email input").fill("test@mailinator.com");
        assertThat(marketing.locator("#lead-suspect-live")).containsText("Placeholder name");
        assertThat(marketing.locator("#lead-suspect-live")).containsText("Throwaway e-mail domain");
        marketing.locator("#lead-dialog").getByText("Close").click();
        createLead(marketing, "Test", "Asdf", "test@mailinator.com", company + " fake", true);
        assertThat(marketing.locator("#lead-suspect")).containsText("Placeholder name");
        assertThat(marketing.locator("#lead-suspect")).containsText("Throwaway e-mail domain");
        assertThat(marketing.locator("#lead-disqualify-fake")).isVisible();
        marketing.context().close();

        Page sales = chromium.newPage();
        Chromium.logIn(sales, base, "sales", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(sales);
        sales.navigate(base + "/leads");
        sales.locator("#filter-mine").click();
        sales.locator("#tab-SQL").click();
        Locator row = sales.locator("#leads-grid").getByText(company, new Locator.GetByTextOptions().setExact(true));
        assertThat(row).isVisible();
        row.click();
        sales.locator("#lead-accept").click();
        assertThat(sales.getByText("Accepted: the lead is yours to work")).isVisible();
        assertThat(sales.locator("#lead-accept")).hasCount(0);
        sales.context().close();
    }

    @Test
    void the_lead_grid_downloads_as_csv_with_a_byte_order_mark_and_the_chosen_separator() throws Exception {
        Page page = chromium.newPage();
        Chromium.logIn(page, base(), "leadership", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/leads");
        page.locator("#tab-SQL").click();
        assertThat(page.locator("#tab-SQL")).hasAttribute("selected", "");
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
        byte[] bytes = java.nio.file.Files.readAllBytes(download.path());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("leads.csv");
        org.assertj.core.api.Assertions.assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(text).as("column names in the user's language")
                .contains("Id,First name,Last name").contains(",SQL,");

        page.locator("#export-words").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("As codes")).click();
        com.microsoft.playwright.Download codes = page.waitForDownload(() -> page.locator("#export-csv").click());
        org.assertj.core.api.Assertions.assertThat(new String(java.nio.file.Files.readAllBytes(codes.path()),
                java.nio.charset.StandardCharsets.UTF_8)).as("stable codes for programs")
                .contains("id,first_name,last_name").contains(",SQL,");
        page.context().close();
    }

    @Test
    void a_pasted_name_too_long_is_refused_with_a_message_not_cut_short_and_countries_are_picked_by_name() {
        Page page = chromium.newPage();
        Chromium.logIn(page, base(), "marketing", DemoMode.DEMO_PASSWORD);
        page.navigate(base() + "/leads");
        String tag = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        page.locator("#new-lead").click();
        page.locator("#lead-first-name input").fill("Long" + "o".repeat(200));
        page.locator("#lead-last-name input").fill("Name" + tag);
        page.locator("#lead-email input").fill("long" + tag + "@example.com");
        page.locator("#lead-country input").fill("Narnia");
        page.locator("#lead-country input").press("Tab");
        page.locator("#save-lead").click();
        assertThat(page.locator("#lead-first-name")).containsText(java.util.regex.Pattern.compile("at most 100 characters", java.util.regex.Pattern.CASE_INSENSITIVE));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE last_name = ?", Integer.class, "Name" + tag)).as("nothing saved").isZero();
        org.assertj.core.api.Assertions.assertThat(page.locator("#lead-first-name input").inputValue())
                .as("the text stays as pasted").hasSize(204);

        page.locator("#lead-first-name input").fill("Lia");
        page.locator("#lead-country input").fill("Brazil");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("(BR)")).first().click();
        page.locator("#lead-phone input").fill("(11) 9" + tag.substring(0, 4) + "-" + tag.substring(2, 6));
        page.locator("#save-lead").click();
        assertThat(page.locator("#lead-actions")).isVisible();
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("SELECT country FROM leads WHERE last_name = ?", String.class, "Name" + tag)).isEqualTo("BR");
        page.context().close();
    }

    /** The demo data holds a "Test Asdf" with the same e-mail: that save first lists it as a likely duplicate. */
    static void createLead(Page page, String first, String last, String email, String company,
                                   boolean expectDuplicate) {
        page.locator("#new-lead").click();
        page.locator("#lead-first-name input").fill(first);
        page.locator("#lead-last-name input").fill(last);
        page.locator("#lead-email input").fill(email);
        page.locator("#lead-company input").fill(company);
        page.locator("#save-lead").click();
        if (expectDuplicate) {
            assertThat(page.locator("#lead-duplicates")).containsText("same e-mail");
            page.locator("#save-anyway").click();
        }
        assertThat(page.locator("#lead-actions")).isVisible();
    }

    static void confirmEverythingMissing(Page page) {
        Locator dialog = page.locator("#missing-criteria");
        dialog.locator("vaadin-checkbox").first().waitFor();
        for (Locator box : dialog.locator("vaadin-checkbox").all()) {
            // the box itself, as a person clicks it (a click on the box was once lost)
            var square = stableBox(page, box.locator("[part=checkbox]"));
            page.mouse().click(square.x + square.width / 2, square.y + square.height / 2);
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(box).hasAttribute("checked", "");
        }
        page.locator("#confirm-and-retry").click();
    }

    /** Where an element is once it has stopped moving (a dialog slides in as it opens). */
    static com.microsoft.playwright.options.BoundingBox stableBox(Page page, Locator element) {
        element.waitFor();
        var last = element.boundingBox();
        for (int i = 0; i < 40; i++) {
            page.waitForTimeout(50);
            var now = element.boundingBox();
            if (now != null && last != null && now.x == last.x && now.y == last.y && now.width == last.width) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
