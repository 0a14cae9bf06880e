package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The day-one flow on a phone (390x844, Portuguese, production bundle): marketing logs a lead,
 * qualifies it and hands it over; sales converts it with an amount and moves the deal to Quote,
 * ticking the criteria the definition asks (written in the company's language, English here). Every control the flow needs is on the screen (none
 * past its right edge) when it is used.
 */
class PhoneFlowBrowserIT extends BrowserTest {

    private static final int WIDTH = 390;

    @Test
    void on_a_phone_a_lead_goes_from_marketing_to_a_deal_at_quote_with_every_control_on_screen() {
        String tag = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String company = "Fone " + tag;

        Page marketing = chromium.newPage("pt-BR", WIDTH, 844);
        Chromium.logIn(marketing, base(), "marketing", DemoMode.DEMO_PASSWORD);
        marketing.locator("#my-work").waitFor();
        marketing.navigate(base() + "/leads");
        click(marketing, "#new-lead");
        marketing.locator("#lead-first-name input").fill("Rafaela");
        marketing.locator("#lead-last-name input").fill("Ramos" + tag);
        marketing.locator("#lead-email input").fill("rafaela" + tag + "@fone-" + tag + ".com.br");
        marketing.locator("#lead-company input").fill(company);
        click(marketing, "#save-lead");
        assertThat(marketing.locator("#lead-actions")).isVisible();
        click(marketing, "#lead-qualify");
        confirm(marketing);
        assertThat(marketing.locator("#lead-status")).containsText("MQL");
        onScreen(marketing, marketing.locator("#handover-owner"));
        marketing.locator("#handover-owner input").fill("Sérgio Sales");
        marketing.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Sérgio Sales")).first().click();
        click(marketing, "#lead-hand-over");
        confirm(marketing);
        assertThat(marketing.locator("#lead-status")).containsText("SQL");
        marketing.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-flow-handed-over-pt-BR.png")));
        marketing.context().close();

        Page sales = chromium.newPage("pt-BR", WIDTH, 844);
        Chromium.logIn(sales, base(), "sales", DemoMode.DEMO_PASSWORD);
        sales.locator("#my-work").waitFor();
        sales.navigate(base() + "/leads");
        sales.locator("#filter-text input").fill(company);
        sales.locator("#leads-grid").getByText(company, new Locator.GetByTextOptions().setExact(true)).click();
        click(sales, "#lead-convert");
        assertThat(sales.locator("#convert-account")).containsText(company);
        onScreen(sales, sales.locator("#convert-amount"));
        sales.locator("#convert-name input").fill("Telefones para " + company);
        sales.locator("#convert-amount input").fill("");
        sales.locator("#convert-amount input").pressSequentially("250000");
        sales.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-flow-convert-pt-BR.png")));
        click(sales, "#convert-confirm");
        confirm(sales);

        Locator deal = sales.locator("#opportunity-page");
        assertThat(deal.locator("#opportunity-summary")).containsText("Qualificação");
        assertThat(deal.locator("#opportunity-summary")).containsText("250.000");
        onScreen(sales, sales.locator("#stage-target"));
        sales.locator("#stage-target input").fill("Cotação");
        sales.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Cotação")).first().click();
        click(sales, "#stage-move");
        assertThat(sales.locator("#missing-criteria")).containsText("Need");
        sales.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-flow-quote-criteria-pt-BR.png")));
        confirm(sales);
        assertThat(deal.locator("#opportunity-summary")).containsText("Cotação");
        sales.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-flow-deal-pt-BR.png")));
        sales.context().close();
    }

    /** Ticks every box the confirmation asks for, each on the screen, then confirms. */
    private static void confirm(Page page) {
        Locator dialog = page.locator("#missing-criteria");
        dialog.locator("vaadin-checkbox").first().waitFor();
        for (Locator box : dialog.locator("vaadin-checkbox").all()) {
            onScreen(page, box.locator("[part=checkbox]"));
        }
        onScreen(page, page.locator("#confirm-and-retry"));
        LeadsBrowserIT.confirmEverythingMissing(page);
    }

    private static void click(Page page, String selector) {
        Locator control = page.locator(selector);
        onScreen(page, control);
        control.click();
    }

    /** Scrolled to, the control lies within the screen's width. */
    private static void onScreen(Page page, Locator control) {
        control.scrollIntoViewIfNeeded();
        var box = LeadsBrowserIT.stableBox(page, control);
        org.assertj.core.api.Assertions.assertThat(box).as("%s is laid out", control).isNotNull();
        org.assertj.core.api.Assertions.assertThat(box.x).as("%s starts on screen", control).isGreaterThanOrEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(box.x + box.width).as("%s ends on screen", control)
                .isLessThanOrEqualTo(WIDTH + 0.5);
    }
}
