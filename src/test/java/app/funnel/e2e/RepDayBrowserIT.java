package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.activity.RepDayFixture;
import app.funnel.base.DemoMode;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Two people at once, each in a browser of their own: marketing hands an SQL to sales, and the
 * salesperson's bell and My work show it without a reload (push); the salesperson opens it from
 * My work, logs the call that is its first touch and plans the next step.
 */
class RepDayBrowserIT extends BrowserTest {

    @Autowired
    LeadService leads;
    @Autowired
    DefinitionService definitions;
    @Autowired
    UserService users;

    @Test
    void a_handoff_reaches_the_salespersons_bell_and_my_work_without_a_reload() {
        // an MQL with the SQL criteria confirmed, made as marketing would
        RepDayFixture fixture = new RepDayFixture(leads, definitions, users);
        LeadDetails lead = fixture.newLead("Pushed");
        confirm(lead.id(), Term.MQL);
        LeadDetails mql = leads.qualify(lead.id(), lead.version());
        confirm(mql.id(), Term.SQL);
        SecurityContextHolder.clearContext();
        String name = lead.firstName() + " " + lead.lastName();

        Page sales = chromium.newPage("en-US", 1440, 900);
        Chromium.logIn(sales, base(), "sales", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(sales);
        sales.locator("#my-work").waitFor();
        assertThat(sales.locator("#mywork-handed-over")).not().containsText(name);
        String before = sales.locator("#bell-count").isVisible() ? sales.locator("#bell-count").innerText() : "0";

        Page marketing = chromium.newPage("en-US", 1440, 900);
        Chromium.logIn(marketing, base(), "marketing", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(marketing);
        marketing.navigate(base() + "/leads/" + lead.id());
        Locator owner = marketing.locator("#handover-owner input");
        owner.fill("Sérgio Sales");
        marketing.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Sérgio Sales"))
                .first().click();
        marketing.locator("#lead-hand-over").click();
        assertThat(marketing.locator("#lead-status")).containsText("SQL");

        // no reload on the salesperson's side: push brings the change
        assertThat(sales.locator("#mywork-handed-over")).containsText(name);
        assertThat(sales.locator("#bell-count")).not().hasText(before);
        sales.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-my-work-sales-en-US.png")));
        sales.locator("#bell-button").click();
        assertThat(sales.locator("#bell-list")).containsText("Márcia Marketing handed the SQL " + name + " to you");
        sales.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-bell-sales-en-US.png")));
        sales.keyboard().press("Escape");

        sales.locator("#mywork-handed-over a").filter(new Locator.FilterOptions().setHasText(name)).click();
        Locator panel = sales.locator("#record-work");
        assertThat(panel.locator("#work-next-step")).containsText("No next step");
        panel.locator("#activity-body textarea").fill("Talked about the budget; she wants a demo.");
        panel.locator("#activity-log").click();
        assertThat(panel.locator("#work-timeline")).containsText("Talked about the budget");
        panel.locator("#follow-up-title input").fill("Show the demo");
        panel.locator("#follow-up-add").click();
        assertThat(panel.locator("#work-follow-ups")).containsText("Show the demo");
        assertThat(panel.locator("#work-next-step")).not().containsText("No next step");
        sales.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("page-lead-activities-en-US.png")));
        org.assertj.core.api.Assertions.assertThat(leadTouched(lead.id())).as("the call was the first touch").isTrue();

        // marketing's open dialog learns of the salesperson's change instead of keeping a stale lead
        assertThat(marketing.locator("#lead-stale")).containsText("Sérgio Sales changed this record");
        marketing.context().close();

        Page phone = chromium.newPage("pt-BR", 390, 844);
        Chromium.logIn(phone, base(), "sales", DemoMode.DEMO_PASSWORD);
        // on a phone the side navigation is folded away: the home page's My work says the shell is up
        phone.locator("#my-work").waitFor();
        assertThat(phone.locator("#my-work")).containsText("Meu trabalho");
        phone.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-my-work-pt-BR.png")));
        phone.navigate(base() + "/leads/" + lead.id());
        phone.locator("#record-work").scrollIntoViewIfNeeded();
        assertThat(phone.locator("#record-work")).containsText("Atividades e próximos passos");
        phone.screenshot(new Page.ScreenshotOptions().setPath(SharedScreens.path("phone-lead-activities-pt-BR.png")));
        phone.context().close();
        sales.context().close();
    }

    private boolean leadTouched(long id) {
        TestLogins.as("leadership", Role.LEADERSHIP);
        try {
            return leads.get(id).firstTouchAt() != null;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void confirm(long leadId, Term term) {
        TestLogins.as("marketing", Role.MARKETING);
        leads.confirmCriteria(leadId, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(Criterion::code).toList());
    }
}
