package app.funnel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every page each role may open, in English and in Brazilian Portuguese, shows no untranslated key
 * (Vaadin's "!en: key" marker once stood on Home); and the lead pages fit a phone.
 */
class SmokeBrowserIT extends BrowserTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"admin,en-US", "leadership,en-US", "marketing,en-US", "sales,en-US",
            "admin,pt-BR", "leadership,pt-BR", "marketing,pt-BR", "sales,pt-BR"})
    void no_page_shows_an_untranslated_key(String user, String locale) {
        Page page = chromium.newPage(locale, 1440, 900);
        Chromium.logIn(page, base(), user, DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        List<String> paths = page.locator("#main-nav vaadin-side-nav-item").all().stream()
                .map(item -> item.getAttribute("path")).toList();
        List<String> labels = page.locator("#main-nav vaadin-side-nav-item").allInnerTexts().stream()
                .map(String::strip).toList();
        assertThat(paths).isNotEmpty();
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            page.navigate(base() + "/" + (path == null ? "" : path));
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.locator("#main-nav").waitFor();
            if (user.equals("leadership") || (user.equals("admin") && path != null && path.startsWith("admin"))) {
                page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path(
                        "page-" + (path == null || path.isEmpty() ? "home" : path.replace('/', '-')) + "-" + locale + ".png")));
            }
            String text = page.locator("body").innerText();
            if (!page.title().startsWith(labels.get(i))) {
                markers.add(path + ": the browser tab says " + page.title() + ", the menu " + labels.get(i));
            }
            for (String marker : new String[] {"!en:", "!pt:", "!pt_BR:", "!en_US:"}) {
                if (text.contains(marker)) {
                    int at = text.indexOf(marker);
                    markers.add(path + ": " + text.substring(at, Math.min(text.length(), at + 60)));
                }
            }
        }
        assertThat(markers).isEmpty();
        page.context().close();
    }

    @Test
    void on_a_phone_the_lead_grid_and_a_leads_actions_fit_the_screen() {
        Page page = chromium.newPage("pt-BR", 390, 844);
        Chromium.logIn(page, base(), "marketing", DemoMode.DEMO_PASSWORD);
        page.navigate(base() + "/leads");
        Locator grid = page.locator("#leads-grid");
        grid.waitFor();
        assertThat(grid.boundingBox().x + grid.boundingBox().width).isLessThanOrEqualTo(391);
        Locator create = page.locator("#new-lead");
        assertThat(create.isVisible()).isTrue();
        assertThat(create.boundingBox().x + create.boundingBox().width).as("new lead button on screen")
                .isLessThanOrEqualTo(391);
        create.click();
        Locator save = page.locator("#save-lead");
        save.waitFor();
        assertThat(save.boundingBox().x).isGreaterThanOrEqualTo(0);
        assertThat(save.boundingBox().x + save.boundingBox().width).as("save button on screen").isLessThanOrEqualTo(391);
        assertThat(page.locator("#lead-first-name").boundingBox().width).as("fields use the width").isGreaterThan(200);
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-new-lead-pt.png")));
        page.context().close();
    }
}
