package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.base.DemoMode;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.security.Role;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The duplicate review in the production bundle: marketing starts a scan of every lead, watches it
 * end, finds the same person stored twice with why and how sure, and merges the group in one click;
 * on a phone in Portuguese the page and its suspect list fit the screen.
 */
class DuplicateReviewBrowserIT extends BrowserTest {

    @Autowired
    LeadService leads;

    @Test
    void marketing_scans_every_lead_and_merges_a_group_in_one_click() {
        String tag = String.valueOf(System.nanoTime());
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails older = leads.create(new LeadInput("Otília", "Duarte" + tag, "otilia.duarte" + tag + "@gmail.com",
                null, "Cerâmica Duarte", null, "BR", LeadSource.EVENT, null, null), true);
        LeadDetails newer = leads.create(new LeadInput("Otilia", "Duarte" + tag, "OtiliaDuarte" + tag + "+promo@gmail.com",
                null, "Cerâmica Duarte Ltda.", null, "BR", LeadSource.WEBSITE_FORM, null, null), true);
        SecurityContextHolder.clearContext();

        Page page = chromium.newPage("en-US", 1440, 900);
        Chromium.logIn(page, base(), "marketing", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.locator("#main-nav").getByText("Duplicates").click();
        assertThat(page).hasTitle("Duplicates · Funnel");
        page.locator("#duplicates-scan").click();
        // the scan runs in the background; the page polls until it ends
        assertThat(page.locator("#duplicates-scan-text")).containsText("Last full scan finished",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        Locator group = page.locator("#duplicate-groups vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Duarte" + tag)).first();
        assertThat(group).isVisible();
        assertThat(page.locator("#duplicate-groups")).containsText("same e-mail");
        assertThat(page.locator("#duplicate-groups")).containsText("99 %");
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-duplicate-review-marketing-en-US.png")));

        long kept = Math.min(older.id(), newer.id());
        page.locator("#merge-group-" + kept + ", #merge-group-" + Math.max(older.id(), newer.id())).first().click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("merged into")))
                .isVisible();
        assertThat(page.locator("#duplicate-groups vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Duarte" + tag))).hasCount(0);
        page.context().close();
    }

    @Test
    void on_a_phone_in_portuguese_the_review_and_its_suspect_leads_fit_the_screen() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        leads.create(new LeadInput("Maria", "Qwerty" + tag, "asdfgh@gmail.com", null, null, null, "BR",
                LeadSource.EVENT, null, null), true);
        SecurityContextHolder.clearContext();

        Page phone = chromium.newPage("pt-BR", 390, 844);
        Chromium.logIn(phone, base(), "marketing", DemoMode.DEMO_PASSWORD);
        phone.locator("#my-work").waitFor();
        phone.navigate(base() + "/leads/duplicates");
        assertThat(phone.locator("#duplicates-scan")).containsText("Varrer todos os leads");
        assertThat(phone.locator("#suspect-leads")).containsText("Caixa de e-mail inventada");
        double right = ((Number) phone.locator("#duplicates-scan").evaluate("e => e.getBoundingClientRect().right"))
                .doubleValue();
        org.junit.jupiter.api.Assertions.assertTrue(right <= 390.5, "the scan button ends inside the screen, at " + right);
        phone.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-duplicate-review-pt-BR.png"))
                .setFullPage(true));
        phone.context().close();
    }
}
