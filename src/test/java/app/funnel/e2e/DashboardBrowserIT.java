package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
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
 * filtered to exactly those leads; a definition version published today is marked on the trend.
 * Marketing sees the funnel up to SQL, the trend without deals and the handoff; sales its win rate,
 * velocity and lost reasons.
 */
class DashboardBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    app.funnel.definition.DefinitionService definitions;

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
        // the trend without deals, and the handoff; no win rate, velocity or lost reasons
        assertThat(marketing.locator("#trend-chart svg")).containsText("New SQLs");
        assertThat(marketing.locator("#trend-chart svg")).not().containsText("New opportunities");
        assertThat(marketing.locator("#handoff-handed")).isVisible();
        assertThat(marketing.locator("#winrate-card")).hasCount(0);
        assertThat(marketing.locator("#velocity-card")).hasCount(0);
        marketing.context().close();

        Page sales = chromium.newPage();
        Chromium.logIn(sales, base(), "sales", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(sales);
        sales.navigate(base() + "/dashboard");
        assertThat(sales.locator("#pipeline-card")).isVisible();
        assertThat(sales.locator("#pipeline-chart svg")).isVisible();
        assertThat(sales.locator("#funnel-card")).hasCount(0);
        assertThat(sales.locator("#dashboard-owner")).isHidden();
        assertThat(sales.locator("#winrate-chart svg")).isVisible();
        assertThat(sales.locator("#velocity-chart svg")).containsText("Qualification");
        assertThat(sales.locator("#lost-card")).isVisible();
        assertThat(sales.locator("#trend-card")).hasCount(0);
        assertThat(sales.locator("#handoff-card")).hasCount(0);
        sales.context().close();
    }

    @Test
    void a_definition_published_today_shows_its_marker_on_the_trend() {
        String note = "Dashboard marker " + System.nanoTime() % 100_000;
        int version = publishAVersion(definitions, note);

        Page page = chromium.newPage();
        Chromium.logIn(page, base(), "leadership", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/dashboard");
        // the dashed line is drawn in this month, labelled with the version; the list under the chart names it
        assertThat(page.locator("#trend-chart svg")).containsText("v" + version);
        assertThat(page.locator("#trend-marker-" + version)).containsText("v" + version);
        assertThat(page.locator("#trend-marker-" + version)).containsText(note);
        assertThat(page.locator("#trend-marker-" + version)).containsText("Lead");
        // hovering the line shows the version's note
        Locator label = page.locator("#trend-chart svg text", new Page.LocatorOptions().setHasText("v" + version)).last();
        page.locator("#trend-chart").scrollIntoViewIfNeeded();
        page.waitForTimeout(1500); // the chart's entry animation
        var box = label.boundingBox();
        boolean shown = false;
        for (int dx = -2; dx <= 2 && !shown; dx++) {
            page.mouse().move(box.x + box.width / 2 + dx, box.y + box.height + 50);
            page.waitForTimeout(400);
            shown = page.locator("#trend-chart").innerText().contains(note);
        }
        org.assertj.core.api.Assertions.assertThat(shown).as("the marker's tooltip shows its note; the chart shows "
                + page.locator("#trend-chart").innerText() + " with the label at " + box.x + "," + box.y).isTrue();
        page.context().close();
    }

    @Test
    void clicking_a_lost_reason_opens_exactly_those_deals() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        java.util.Map<String, Object> top = jdbc.queryForMap("""
                SELECT lost_reason AS reason, COUNT(*) AS n FROM opportunity
                WHERE stage = 'CLOSED_LOST' AND stage_changed_at >= ? AND stage_changed_at < ?
                GROUP BY lost_reason ORDER BY n DESC, lost_reason LIMIT 1""",
                YearMonth.of(now.getYear(), 1).atDay(1).atStartOfDay(), now.plusYears(1).withMonth(1).atDay(1).atStartOfDay());
        String reason = (String) top.get("reason");
        long deals = ((Number) top.get("n")).longValue();

        Page page = chromium.newPage();
        Chromium.logIn(page, base(), "leadership", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/dashboard");
        page.locator("#lost-as-table").click();
        Locator first = page.locator("#lost-table vaadin-grid-cell-content").nth(3);
        assertThat(first).isVisible();
        page.locator("#lost-table").getByText(String.valueOf(deals), new Locator.GetByTextOptions().setExact(true))
                .first().click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/opportunities\\?.*lostReason=" + reason + ".*"));
        assertThat(page.locator("#filter-drill-down")).isVisible();
        assertThat(page.locator("#opportunities-footer")).containsText(deals + " deals");
        page.context().close();
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
