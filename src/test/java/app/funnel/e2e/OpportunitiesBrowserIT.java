package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The seed's story in the browser: a lead at IBM goes from marketing to sales, sales converts it
 * into a deal (confirming what the Opportunity definition asks), drags it on the funnel board to
 * Proposal, is stopped at Quote until NADA and the terms are confirmed, then wins it.
 */
class OpportunitiesBrowserIT extends BrowserTest {

    @Test
    void an_ibm_lead_becomes_a_deal_that_waits_at_quote_for_nada_and_the_terms_and_is_won() {
        String base = base();
        String tag = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String company = "IBM Data Center " + tag;

        Page marketing = chromium.newPage();
        Chromium.logIn(marketing, base, "marketing", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(marketing);
        marketing.navigate(base + "/leads");
        LeadsBrowserIT.createLead(marketing, "Priscila", "Prates" + tag, "priscila" + tag + "@ibm-dc.com", company,
                false);
        marketing.locator("#lead-qualify").click();
        LeadsBrowserIT.confirmEverythingMissing(marketing);
        assertThat(marketing.locator("#lead-status")).containsText("MQL");
        choose(marketing, "#handover-owner", "Sérgio Sales");
        marketing.locator("#lead-hand-over").click();
        LeadsBrowserIT.confirmEverythingMissing(marketing);
        assertThat(marketing.locator("#lead-status")).containsText("SQL");
        marketing.context().close();

        Page sales = chromium.newPage();
        Chromium.logIn(sales, base, "sales", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(sales);
        sales.navigate(base + "/leads");
        sales.locator("#filter-text input").fill(company);
        Locator row = sales.locator("#leads-grid").getByText(company, new Locator.GetByTextOptions().setExact(true));
        row.click();
        sales.locator("#lead-convert").click();
        assertThat(sales.locator("#convert-account")).containsText(company);
        sales.locator("#convert-name input").fill("Servers for " + company);
        sales.locator("#convert-amount input").fill("30000000");
        // a close date long past: the deal comes first in its column, marked overdue
        sales.locator("#convert-close input").fill("1/2/2026");
        sales.locator("#convert-close input").press("Enter");
        sales.locator("#convert-confirm").click();
        LeadsBrowserIT.confirmEverythingMissing(sales);

        // the conversion opens the deal's page, a link to keep
        Locator deal = sales.locator("#opportunity-page");
        assertThat(sales).hasURL(java.util.regex.Pattern.compile(".*/opportunities/\\d+$"));
        assertThat(sales.locator("#opportunity-page-title")).hasText("Servers for " + company);
        assertThat(deal.locator("#opportunity-summary")).containsText("Qualification");
        assertThat(deal.locator("#opportunity-summary")).containsText("$30,000,000");
        sales.locator("#close-opportunity").click();

        sales.setViewportSize(1440, 900);
        sales.navigate(base + "/board");
        // every stage is on the screen at 1440 px: Won and Lost folded to narrow strips
        var lost = sales.locator("#column-CLOSED_LOST").boundingBox();
        org.assertj.core.api.Assertions.assertThat(lost.x + lost.width).as("the Lost column ends on screen")
                .isLessThanOrEqualTo(1440);
        sales.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-board-sales-en-US.png")));
        Locator card = sales.locator(".funnel-deal").filter(new Locator.FilterOptions().setHasText("Servers for " + company));
        assertThat(card).isVisible();
        assertThat(card).containsText("Past close date");
        card.dragTo(sales.locator("#column-PROPOSAL .funnel-column-header"));
        assertThat(sales.locator("#column-PROPOSAL .funnel-deal")
                .filter(new Locator.FilterOptions().setHasText("Servers for " + company))).isVisible();

        // the keyboard does what a drop does: focus the card's "Move to…", Enter, arrow to a stage, Enter
        card = sales.locator(".funnel-deal").filter(new Locator.FilterOptions().setHasText("Servers for " + company));
        card.locator(".funnel-deal-move").focus();
        sales.keyboard().press("Enter");
        Locator back = sales.locator("vaadin-context-menu-item").filter(new Locator.FilterOptions().setHasText("Qualification"));
        assertThat(back).isVisible();
        for (int i = 0; i < 8 && back.getAttribute("focused") == null; i++) {
            sales.keyboard().press("ArrowDown");
        }
        sales.keyboard().press("Enter");
        // back to an earlier stage needs a reason, asked in the drop's dialog
        sales.locator("#drop-reason input").fill("Scope not agreed yet");
        sales.locator("#drop-confirm").click();
        assertThat(sales.locator("#column-QUALIFICATION .funnel-deal")
                .filter(new Locator.FilterOptions().setHasText("Servers for " + company))).isVisible();
        // and the move can be undone from its message
        sales.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)
                .filter(new Locator.FilterOptions().setHasText("moved to Qualification")).locator("#board-undo").click();
        assertThat(sales.locator("#column-PROPOSAL .funnel-deal")
                .filter(new Locator.FilterOptions().setHasText("Servers for " + company))).isVisible();

        card = sales.locator(".funnel-deal").filter(new Locator.FilterOptions().setHasText("Servers for " + company));
        // on the board a card opens in a dialog over the columns
        card.locator(".funnel-deal-title").click();
        deal = sales.locator("#opportunity-dialog");
        move(sales, "Quote");
        Locator missing = sales.locator("#missing-criteria");
        assertThat(missing).containsText("Need");
        assertThat(missing).containsText("Price agreed");
        LeadsBrowserIT.confirmEverythingMissing(sales);
        assertThat(deal.locator("#opportunity-summary")).containsText("Quote");
        assertThat(deal.locator("#opportunity-criteria")).containsText("✔ Need");
        move(sales, "Negotiation");
        assertThat(deal.locator("#opportunity-summary")).containsText("Negotiation");
        move(sales, "Won");
        assertThat(deal.locator("#opportunity-summary")).containsText("Won");
        assertThat(deal.locator("#opportunity-summary")).containsText("100 %");
        assertThat(deal.locator("#opportunity-history")).containsText("Negotiation → Won");
        sales.context().close();
    }

    @Test
    void sales_creates_a_deal_without_a_lead_from_the_grid_and_from_the_board_on_a_phone() {
        String tag = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        Page sales = chromium.newPage("en-US", 1440, 900);
        Chromium.logIn(sales, base(), "sales", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(sales);
        sales.navigate(base() + "/opportunities");
        sales.locator("#new-deal").click();
        sales.locator("#new-deal-name input").fill("Own prospect " + tag);
        sales.locator("#new-deal-account input").fill("Prospect Works " + tag);
        sales.locator("#new-deal-account input").press("Enter");
        assertThat(sales.locator("#new-deal-account input")).hasAttribute("placeholder", "New account: Prospect Works " + tag);
        sales.locator("#new-deal-buyer-first input").fill("Bruna");
        sales.locator("#new-deal-buyer-last input").fill("Buyer" + tag);
        sales.locator("#new-deal-buyer-email input").fill("bruna" + tag + "@prospect.example.com");
        sales.locator("#new-deal-buyer-phone input").fill("12345");
        sales.locator("#new-deal-amount input").fill("48000");
        sales.locator("#new-deal-create").click();
        assertThat(sales.locator("#new-deal-buyer-phone")).containsText("country code");
        sales.locator("#new-deal-buyer-phone input").fill("+1 415 555 2671");
        sales.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("new-deal-sales-en-US.png")));
        sales.locator("#new-deal-create").click();
        // the Opportunity definition applies as it does to a conversion
        LeadsBrowserIT.confirmEverythingMissing(sales);
        assertThat(sales).hasURL(java.util.regex.Pattern.compile(".*/opportunities/\\d+$"));
        assertThat(sales.locator("#opportunity-page-title")).hasText("Own prospect " + tag);
        assertThat(sales.locator("#opportunity-summary")).containsText("Qualification");
        assertThat(sales.locator("#opportunity-page")).containsText("Prospect Works " + tag);
        assertThat(sales.locator("#opportunity-page")).containsText("Bruna Buyer" + tag);
        sales.context().close();

        Page phone = chromium.newPage("pt-BR", 390, 844);
        Chromium.logIn(phone, base(), "sales", DemoMode.DEMO_PASSWORD);
        phone.navigate(base() + "/board");
        phone.locator("#new-deal").click();
        phone.locator("#new-deal-name input").fill("Expansão " + tag);
        // the account made above, found by typing its name without its case
        phone.locator("#new-deal-account input").fill("prospect works " + tag);
        phone.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Prospect Works " + tag))
                .first().click();
        choose(phone, "#new-deal-buyer", "Bruna Buyer" + tag);
        assertThat(phone.locator("#new-deal-buyer-first")).isHidden();
        phone.locator("#new-deal-amount input").fill("12000,5");
        for (String id : java.util.List.of("#new-deal-name", "#new-deal-account", "#new-deal-buyer", "#new-deal-amount",
                "#new-deal-create")) {
            var box = phone.locator(id).boundingBox();
            org.assertj.core.api.Assertions.assertThat(box.x + box.width).as(id + " inside the phone's width")
                    .isLessThanOrEqualTo(390);
        }
        phone.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-new-deal-pt-BR.png")));
        phone.locator("#new-deal-create").click();
        LeadsBrowserIT.confirmEverythingMissing(phone);
        assertThat(phone.locator(".funnel-deal").filter(new Locator.FilterOptions().setHasText("Expansão " + tag)))
                .isVisible();
        phone.context().close();
    }

    private static void move(Page page, String stage) {
        choose(page, "#stage-target", stage);
        page.locator("#stage-move").click();
    }

    private static void choose(Page page, String comboBox, String item) {
        page.locator(comboBox + " input").fill(item);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }
}
