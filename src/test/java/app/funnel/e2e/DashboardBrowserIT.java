package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.demo.DemoMode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Leadership opens the dashboard: the funnel of this year's leads is drawn (ECharts) with the
 * numbers of the summary, the table shows the same, and clicking the SQL step opens the lead grid
 * filtered to exactly those leads. Marketing sees the funnel up to SQL only.
 */
class DashboardBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void leadership_sees_the_funnel_and_opens_the_sql_leads_marketing_sees_up_to_sql() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        long[] truth = truth(YearMonth.of(now.getYear(), 1), now);

        Page page = chromium.newPage();
        Chromium.logIn(page, base(), "leadership", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/dashboard");
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.US);
        assertThat(page.locator("#funnel-summary")).containsText(format.format(truth[0]) + " leads created");
        // the chart is drawn: its SVG holds one label per step
        Locator chart = page.locator("#funnel-chart svg");
        assertThat(chart).isVisible();
        assertThat(chart).containsText(format.format(truth[2]));
        assertThat(chart).containsText("Won");

        page.locator("#funnel-as-table").click();
        Locator table = page.locator("#funnel-table");
        assertThat(table).containsText("Opportunity");
        assertThat(table).containsText(format.format(truth[5]));
        table.getByText("SQL", new Locator.GetByTextOptions().setExact(true)).click();

        page.waitForURL(java.util.regex.Pattern.compile(".*/leads\\?.*reached=SQL.*"));
        assertThat(page.locator("#filter-reached")).containsText("Reached SQL or further");
        assertThat(page.locator("#tab-ALL")).containsText("(" + format.format(truth[2]) + ")");
        page.context().close();

        Page marketing = chromium.newPage();
        Chromium.logIn(marketing, base(), "marketing", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(marketing);
        marketing.navigate(base() + "/dashboard");
        marketing.locator("#funnel-as-table").click();
        Locator steps = marketing.locator("#funnel-table");
        assertThat(steps).containsText("SQL");
        assertThat(steps).not().containsText("Opportunity");
        assertThat(marketing.locator("#funnel-chart svg")).not().containsText("Won");
        assertThat(marketing.locator("#pipeline-card")).hasCount(0);
        marketing.context().close();

        Page sales = chromium.newPage();
        Chromium.logIn(sales, base(), "sales", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(sales);
        sales.navigate(base() + "/dashboard");
        assertThat(sales.locator("#pipeline-card")).isVisible();
        assertThat(sales.locator("#pipeline-chart svg")).isVisible();
        assertThat(sales.locator("#funnel-card")).hasCount(0);
        assertThat(sales.locator("#dashboard-owner")).isHidden();
        sales.context().close();
    }

    /** How many of the leads created in the months reached each step, from the leads table. */
    private long[] truth(YearMonth from, YearMonth to) {
        long[] atReach = new long[6];
        jdbc.query("SELECT reach, COUNT(*) FROM leads WHERE created_at >= ? AND created_at < ? GROUP BY reach",
                rs -> {
                    atReach[rs.getInt(1)] = rs.getLong(2);
                }, from.atDay(1).atStartOfDay(), to.plusMonths(1).atDay(1).atStartOfDay());
        long[] truth = new long[6];
        long running = 0;
        for (int k = 5; k >= 0; k--) {
            running += atReach[k];
            truth[k] = running;
        }
        return truth;
    }
}
