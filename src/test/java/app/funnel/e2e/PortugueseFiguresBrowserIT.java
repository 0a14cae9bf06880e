package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Numbers and dates as a Brazilian team reads them, in the production bundle: a deal's amount is
 * echoed with "." between thousands and "," before the cents while it is typed, the charts' value
 * axes use the same separators (ECharts on its own writes 1,000,000), and the trend's definition
 * markers carry a Portuguese date ("3 de dez. de 2026", never "Dec 3, 2026").
 */
class PortugueseFiguresBrowserIT extends BrowserTest {

    /** A number with a "." between thousands, as pt-BR writes it: 30.000 or 1.250.000. */
    private static final Pattern PT_THOUSANDS = Pattern.compile("\\d\\.\\d{3}(?!\\d)");
    /** A number with a "," between thousands, as en writes it. */
    private static final Pattern EN_THOUSANDS = Pattern.compile("\\d,\\d{3}(?!\\d)");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    app.funnel.definition.DefinitionService definitions;

    @Test
    void a_deals_amount_is_echoed_with_portuguese_separators_while_typed() {
        long deal = jdbc.queryForObject("""
                SELECT o.id FROM opportunity o JOIN app_user u ON u.id = o.owner_id
                WHERE u.username = 'sales' AND o.stage NOT IN ('WON', 'LOST') ORDER BY o.id LIMIT 1""", Long.class);
        Page page = chromium.newPage("pt-BR", 1440, 900);
        Chromium.logIn(page, base(), "sales", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/opportunities/" + deal);
        Locator amount = page.locator("#opportunity-amount");
        // typed key by key, as a Brazilian types it: a comma before the cents
        amount.locator("input").fill("");
        amount.locator("input").pressSequentially("30000000,5");
        amount.locator("input").press("Tab");
        assertThat(amount).containsText(Pattern.compile("30\\.000\\.000,50"));
        org.assertj.core.api.Assertions.assertThat(amount.innerText()).doesNotContain("30,000,000");
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("deal-amount-echo-pt-BR.png")));
        page.context().close();
    }

    @Test
    void the_pipeline_axis_and_the_trend_markers_read_as_portuguese() {
        int version = publishAVersion();
        Page page = chromium.newPage("pt-BR", 1440, 900);
        Chromium.logIn(page, base(), "leadership", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/dashboard");

        Locator axis = page.locator("#pipeline-chart svg");
        assertThat(axis).containsText(PT_THOUSANDS);
        org.assertj.core.api.Assertions.assertThat(EN_THOUSANDS.matcher(axis.textContent()).find())
                .as("the pipeline chart writes no English thousands: %s", axis.textContent()).isFalse();

        Locator marker = page.locator("#trend-marker-" + version);
        assertThat(marker).containsText(Pattern.compile("\\d{1,2} de [a-zç]{3,4}\\.? de \\d{4}"));
        org.assertj.core.api.Assertions.assertThat(marker.innerText())
                .doesNotContainPattern("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d");
        page.locator("#trend-chart").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("dashboard-figures-pt-BR.png"))
                .setFullPage(true));
        page.context().close();
    }

    private int publishAVersion() {
        return publishAVersion(definitions, "Figures " + System.nanoTime() % 100_000);
    }
}
