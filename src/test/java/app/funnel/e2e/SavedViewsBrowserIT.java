package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The lead grid keeps its tab, filters, sort and columns in the URL: the back button returns to the
 * previous filters, a link opens the same screen; leadership saves a view shared with sales, and a
 * salesperson opens it from the Views menu.
 */
class SavedViewsBrowserIT extends BrowserTest {

    @Test
    void filters_live_in_the_url_and_a_shared_view_opens_for_sales() {
        String name = "SQLs by source " + System.nanoTime();
        Page page = chromium.newPage("en-US", 1440, 900);
        Chromium.logIn(page, base(), "leadership", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/leads");
        page.locator("#tab-SQL").click();
        assertThat(page).hasURL(Pattern.compile(".*/leads\\?status=SQL$"));
        page.locator("#leads-grid-columns").click();
        page.locator("#column-email").click();
        assertThat(page).hasURL(Pattern.compile("^(?=.*status=SQL)(?=.*hide=email).*"));
        page.keyboard().press("Escape");

        page.goBack();
        assertThat(page).hasURL(Pattern.compile(".*/leads\\?status=SQL$"));
        // as a person does, look at the screen before going back again: the server has shown the state
        // (going back twice faster than a busy server answers can have the first state echoed back)
        assertThat(page.locator("#leads-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("E-mail").setVisible(true)).first()).isVisible();
        page.goBack();
        assertThat(page).hasURL(Pattern.compile(".*/leads$"));
        assertThat(page.locator("#tab-ALL")).hasAttribute("selected", "");
        page.goForward();
        assertThat(page.locator("#tab-SQL")).hasAttribute("selected", "");
        page.goForward();
        assertThat(page).hasURL(Pattern.compile("^(?=.*status=SQL)(?=.*hide=email).*"));
        // the e-mail column is hidden again, the company column shown
        assertThat(page.locator("#leads-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("E-mail").setVisible(true))).hasCount(0);
        assertThat(page.locator("#leads-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Company").setVisible(true)).first()).isVisible();

        page.locator("#leads-views-menu").click();
        page.locator("#leads-views-save").click();
        page.locator("#views-name input").fill(name);
        page.locator("#views-share").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Sales")).first().click();
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-save-view-leadership-en-US.png")));
        page.locator("#views-save-button").click();
        assertThat(page.getByText("View \"" + name + "\" saved.")).isVisible();
        page.context().close();

        Page sales = chromium.newPage("pt-BR", 1440, 900);
        Chromium.logIn(sales, base(), "paulo", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(sales);
        sales.navigate(base() + "/leads");
        assertThat(sales.locator("#tab-ALL")).hasAttribute("selected", "");
        sales.locator("#leads-views-menu").click();
        Locator item = sales.locator("vaadin-menu-bar-item").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(item).containsText("compartilhada com Vendas");
        sales.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-views-menu-sales-pt-BR.png")));
        item.click();
        assertThat(sales).hasURL(Pattern.compile("^(?=.*/leads\\?)(?=.*status=SQL)(?=.*hide=email).*"));
        assertThat(sales.locator("#tab-SQL")).hasAttribute("selected", "");
        sales.context().close();
    }
}
