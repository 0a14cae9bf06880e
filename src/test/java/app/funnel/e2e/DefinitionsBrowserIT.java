package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leadership changes the SQL definition and publishes it; a salesperson is asked to read it,
 * reads what changed, acknowledges, and is not asked again.
 */
class DefinitionsBrowserIT extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void leadership_publishes_a_new_sql_definition_and_sales_reads_and_acknowledges_it() {
        String base = base();
        jdbc.update("DELETE FROM definition_draft");

        Page leadership = chromium.newPage();
        Chromium.logIn(leadership, base, "leadership", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(leadership);
        leadership.navigate(base + "/definitions?term=SQL");
        assertThat(leadership.locator("#definition-title")).hasText("SQL (sales-qualified lead)");
        leadership.locator("#edit-draft").click();
        leadership.locator("#draft-body textarea").fill(
                "A **sales-qualified lead** asked to become a customer, fits the ideal customer profile "
                        + "and has a budget <script>alert('x')</script>.");
        var rows = leadership.locator("#draft-criteria vaadin-horizontal-layout");
        int before = rows.count();
        leadership.locator("#add-criterion").click();
        assertThat(rows).hasCount(before + 1);
        var newRow = rows.last();
        newRow.locator("vaadin-text-field").nth(0).locator("input").fill("Budget confirmed");
        newRow.locator("vaadin-text-field").nth(1).locator("input").fill("The buyer has money set aside this year.");
        leadership.locator("#save-draft").click();
        assertThat(leadership.locator("#publish-drafts")).hasText("Publish drafts (1)");
        leadership.locator("#publish-drafts").click();
        leadership.locator("#change-note textarea").fill("SQLs now need a confirmed budget.");
        leadership.locator("#publish-now").click();
        assertThat(leadership.getByText(Pattern.compile("Version \\d+ published\\."))).isVisible();
        assertThat(leadership.locator("#definition-panel")).containsText("Budget confirmed");
        assertThat(leadership.locator("#definition-panel")).containsText("<script>alert('x')</script>");
        leadership.context().close();

        Page sales = chromium.newPage();
        Chromium.logIn(sales, base, "sales", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(sales);
        assertThat(sales.locator("#ack-banner")).isVisible();
        assertThat(sales.locator("#ack-banner")).containsText("SQL (sales-qualified lead)");
        sales.locator("#ack-read").click();
        assertThat(sales.locator("#compare-SQL")).containsText("changed");
        assertThat(sales.locator("#compare-SQL ins").first()).isVisible();
        assertThat(sales.locator("#compare-SQL")).containsText("Budget confirmed");
        sales.locator("#compare-ack-button").click();
        assertThat(sales.locator("#ack-banner")).isHidden();

        sales.navigate(base + "/");
        Chromium.waitForShell(sales);
        assertThat(sales.locator("#ack-banner")).isHidden();
        sales.context().close();
    }
}
