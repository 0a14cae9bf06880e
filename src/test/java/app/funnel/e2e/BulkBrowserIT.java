package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Leadership ticks leads in the grid, reassigns them in one go with a progress bar, reads how many
 * changed, and undoes it; on a phone, in Portuguese, the bar and its dialog fit the screen.
 */
class BulkBrowserIT extends BrowserTest {

    @Test
    void leadership_reassigns_ticked_leads_and_undoes_it() {
        Page page = chromium.newPage("en-US", 1440, 900);
        Chromium.logIn(page, base(), "leadership", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/leads");
        page.locator("#tab-NEW").click();
        Locator boxes = page.locator("#leads-grid vaadin-checkbox").filter(new Locator.FilterOptions().setVisible(true));
        assertThat(boxes.nth(2)).isVisible();
        // the first visible box may be the header's: tick two rows below it
        boxes.nth(1).click();
        boxes.nth(2).click();
        assertThat(page.locator("#bulk-bar")).isVisible();
        assertThat(page.locator("#bulk-count")).containsText("selected");
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-bulk-bar-leadership-en-US.png")));

        page.locator("#bulk-REASSIGN").click();
        page.locator("#bulk-owner input").fill("Camila");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Camila Campos")).first().click();
        page.locator("#bulk-apply").click();
        assertThat(page.locator("#bulk-summary")).containsText("rows changed");
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-bulk-done-leadership-en-US.png")));
        page.locator("#bulk-undo").click();
        assertThat(page.locator("#bulk-summary")).containsText("rows changed");
        assertThat(page.locator("#bulk-undo")).hasCount(0);
        page.locator("#bulk-close").click();
        assertThat(page.locator("#bulk-bar")).isHidden();
        page.context().close();
    }

    @Test
    void on_a_phone_marketing_disqualifies_all_matching_in_portuguese_with_a_clear_refusal_list() {
        Page phone = chromium.newPage("pt-BR", 390, 844);
        Chromium.logIn(phone, base(), "marketing", DemoMode.DEMO_PASSWORD);
        // on a phone the side navigation is folded away: the home page's My work says the shell is up
        phone.locator("#my-work").waitFor();
        phone.navigate(base() + "/leads");
        phone.locator("#tab-SQL").click();
        Locator boxes = phone.locator("#leads-grid vaadin-checkbox").filter(new Locator.FilterOptions().setVisible(true));
        boxes.nth(1).click();
        assertThat(phone.locator("#bulk-count")).containsText("selecionados");
        phone.locator("#bulk-all").click();
        assertThat(phone.locator("#bulk-count")).containsText("Todos os");
        double right = ((Number) phone.locator("#bulk-bar").evaluate("e => e.getBoundingClientRect().right")).doubleValue();
        org.junit.jupiter.api.Assertions.assertTrue(right <= 390.5, "the bar ends inside the screen, at " + right);
        phone.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-bulk-bar-pt-BR.png")));
        phone.locator("#bulk-DISQUALIFY").click();
        phone.locator("#bulk-apply").click();
        // nothing chosen: the dialog says what to fill in and changes nothing
        assertThat(phone.locator("#bulk-reason")).hasAttribute("invalid", "");
        phone.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-bulk-dialog-pt-BR.png")));
        phone.locator("#bulk-close").click();
        phone.context().close();
    }
}
