package app.funnel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.activity.FollowUpEntry;
import app.funnel.activity.FollowUpInput;
import app.funnel.activity.FollowUpService;
import app.funnel.activity.RepDayFixture;
import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
class NotificationsIT {

    @Autowired
    NotificationService notifications;
    @Autowired
    Reminders reminders;
    @Autowired
    FollowUpService followUps;
    @Autowired
    LeadService leads;
    @Autowired
    DefinitionService definitions;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    RepDayFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new RepDayFixture(leads, definitions, users);
        TestLogins.as("sales", Role.SALES);
        notifications.setChannel(NotificationKind.SQL_HANDED_OVER, Channel.IN_APP);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private List<NotificationEntry> about(long leadId) {
        return notifications.recent(100).stream().filter(n -> Long.valueOf(leadId).equals(n.recordId())).toList();
    }

    @Test
    void the_sales_user_an_sql_is_handed_to_is_told_and_the_marketer_who_did_it_is_not() {
        LeadDetails sql = fixture.sqlOf("sales", "Told");
        TestLogins.as("sales", Role.SALES);
        List<NotificationEntry> mine = about(sql.id());
        assertThat(mine).extracting(NotificationEntry::kind).containsExactly(NotificationKind.SQL_HANDED_OVER);
        NotificationEntry told = mine.getFirst();
        assertThat(told.actor()).isEqualTo("Márcia Marketing");
        assertThat(told.subject()).isEqualTo(sql.firstName() + " " + sql.lastName());
        assertThat(told.path()).isEqualTo("leads/" + sql.id());
        assertThat(told.unread()).isTrue();
        long unread = notifications.unreadCount();
        assertThat(unread).isPositive();
        notifications.markRead(told.id());
        assertThat(notifications.unreadCount()).isEqualTo(unread - 1);

        TestLogins.as("marketing", Role.MARKETING);
        assertThat(about(sql.id())).isEmpty();
        TestLogins.as("paulo", Role.SALES);
        assertThat(about(sql.id())).isEmpty();
        // another user cannot mark it (it is not theirs): nothing changes
        notifications.markRead(told.id());
        TestLogins.as("sales", Role.SALES);
        assertThat(about(sql.id()).getFirst().unread()).isFalse();
    }

    @Test
    void returning_reassigning_and_giving_a_follow_up_tell_whom_it_concerns() {
        LeadDetails sql = fixture.sqlOf("sales", "Concerns");
        TestLogins.as("leadership", Role.LEADERSHIP);
        FollowUpEntry step = followUps.add("LEAD", sql.id(), new FollowUpInput("Call her today",
                Instant.now().plusSeconds(3600), fixture.id("sales"), null));
        TestLogins.as("sales", Role.SALES);
        assertThat(about(sql.id())).extracting(NotificationEntry::kind)
                .containsExactly(NotificationKind.FOLLOW_UP_ASSIGNED, NotificationKind.SQL_HANDED_OVER);
        assertThat(about(sql.id()).getFirst().subject()).startsWith("Call her today · ");

        LeadDetails current = leads.get(sql.id());
        leads.returnToMarketing(current.id(), current.version(), "Not ready to buy");
        TestLogins.as("marketing", Role.MARKETING);
        assertThat(about(sql.id())).extracting(NotificationEntry::kind).containsExactly(NotificationKind.SQL_RETURNED);
        assertThat(about(sql.id()).getFirst().actor()).isEqualTo("Sérgio Sales");

        TestLogins.as("leadership", Role.LEADERSHIP);
        current = leads.get(sql.id());
        leads.reassign(current.id(), current.version(), fixture.id("camila"));
        TestLogins.as("camila", Role.MARKETING);
        assertThat(about(sql.id())).extracting(NotificationEntry::kind).containsExactly(NotificationKind.REASSIGNED);
        assertThat(step.id()).isPositive();
    }

    @Test
    void a_kind_switched_off_is_not_stored_and_email_without_a_mail_server_shows_in_the_app() {
        TestLogins.as("sales", Role.SALES);
        notifications.setChannel(NotificationKind.SQL_HANDED_OVER, Channel.OFF);
        assertThat(notifications.channels()).containsEntry(NotificationKind.SQL_HANDED_OVER, Channel.OFF);
        LeadDetails quiet = fixture.sqlOf("sales", "Quiet");
        TestLogins.as("sales", Role.SALES);
        assertThat(about(quiet.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE record_id = ? AND kind = 'SQL_HANDED_OVER'",
                Integer.class, quiet.id())).isZero();

        notifications.setChannel(NotificationKind.SQL_HANDED_OVER, Channel.EMAIL);
        assertThat(notifications.mailAvailable()).isFalse();
        LeadDetails mailed = fixture.sqlOf("sales", "Mailed");
        TestLogins.as("sales", Role.SALES);
        assertThat(about(mailed.id())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT mail_state IS NULL FROM notification WHERE record_id = ? "
                + "AND kind = 'SQL_HANDED_OVER'", Boolean.class, mailed.id())).as("no outbox without a mail server").isTrue();
        notifications.setChannel(NotificationKind.SQL_HANDED_OVER, Channel.IN_APP);
    }

    @Test
    void a_due_follow_up_and_an_sla_about_to_pass_are_reminded_once_however_often_the_job_runs() {
        LeadDetails sql = fixture.sqlOf("sales", "Remind");
        TestLogins.as("sales", Role.SALES);
        FollowUpEntry step = followUps.add("LEAD", sql.id(), new FollowUpInput("Ring back", Instant.now().plusSeconds(3600),
                null, null));
        jdbc.update("UPDATE follow_up SET due_at = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 1 MINUTE) WHERE id = ?", step.id());
        jdbc.update("UPDATE leads SET first_touch_due_at = DATE_ADD(UTC_TIMESTAMP(6), INTERVAL 30 MINUTE) WHERE id = ?",
                sql.id());
        SecurityContextHolder.clearContext();
        reminders.remind();
        reminders.remind();
        TestLogins.as("sales", Role.SALES);
        assertThat(about(sql.id())).extracting(NotificationEntry::kind).containsExactlyInAnyOrder(
                NotificationKind.FOLLOW_UP_DUE, NotificationKind.SLA_SOON, NotificationKind.SQL_HANDED_OVER);
        // a new due time is a new event
        FollowUpEntry current = followUps.ofRecord("LEAD", sql.id()).getFirst();
        followUps.update(current.id(), current.version(), new FollowUpInput("Ring back", Instant.now().plusSeconds(3600),
                null, null));
        jdbc.update("UPDATE follow_up SET due_at = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 2 SECOND) WHERE id = ?", step.id());
        SecurityContextHolder.clearContext();
        reminders.remind();
        TestLogins.as("sales", Role.SALES);
        assertThat(about(sql.id()).stream().filter(n -> n.kind() == NotificationKind.FOLLOW_UP_DUE)).hasSize(2);
    }

    @Autowired
    app.funnel.opportunity.OpportunityService opportunities;

    @Test
    void a_deal_moved_by_someone_else_tells_its_owner_and_a_move_of_ones_own_does_not() {
        LeadDetails sql = fixture.sqlOf("sales", "Deal");
        TestLogins.as("sales", Role.SALES);
        confirmLead(sql.id(), app.funnel.definition.Term.OPPORTUNITY);
        var deal = opportunities.convert(sql.id(), leads.get(sql.id()).version(), new app.funnel.opportunity.ConversionInput(
                "Moved deal " + sql.id(), new java.math.BigDecimal("1000"), "USD", java.time.LocalDate.now().plusMonths(1),
                null, null));
        long dealId = deal.id();
        confirmDeal(dealId, app.funnel.opportunity.Stage.CLOSED_LOST.term());
        var lost = opportunities.moveStage(dealId, deal.version(), app.funnel.opportunity.Stage.CLOSED_LOST, null,
                app.funnel.opportunity.LostReason.PRICE, "Too expensive");
        assertThat(notifications.recent(50)).noneMatch(n -> Long.valueOf(dealId).equals(n.recordId()));

        TestLogins.as("leadership", Role.LEADERSHIP);
        opportunities.moveStage(dealId, lost.version(), app.funnel.opportunity.Stage.QUALIFICATION, "They came back",
                null, null);
        TestLogins.as("sales", Role.SALES);
        var told = notifications.recent(50).stream().filter(n -> Long.valueOf(dealId).equals(n.recordId())).toList();
        assertThat(told).extracting(NotificationEntry::kind).containsExactly(NotificationKind.DEAL_MOVED);
        assertThat(told.getFirst().path()).isEqualTo("opportunities/" + dealId);
        assertThat(told.getFirst().actor()).isEqualTo("Lígia Leadership");
    }

    private void confirmLead(long leadId, app.funnel.definition.Term term) {
        leads.confirmCriteria(leadId, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(app.funnel.definition.Criterion::code).toList());
    }

    private void confirmDeal(long dealId, app.funnel.definition.Term term) {
        opportunities.confirmCriteria(dealId, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(app.funnel.definition.Criterion::code).toList());
    }

    @Test
    void a_published_definition_tells_everyone_but_who_published_it() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        var draft = definitions.draft(app.funnel.definition.Term.LEAD);
        var entry = draft.entry();
        definitions.saveDraft(new app.funnel.definition.DefinitionEntry(entry.term(), entry.body() + "\n\nSee also the handbook.",
                entry.examples(), entry.criteria(), entry.probability(), entry.slaHours()), draft.rowVersion());
        var published = definitions.publish("A space for the notification test");
        assertThat(notifications.recent(20)).noneMatch(n -> n.kind() == NotificationKind.DEFINITION_PUBLISHED
                && n.subject().startsWith("v" + published.number() + " "));
        TestLogins.as("paulo", Role.SALES);
        assertThat(notifications.recent(20)).anyMatch(n -> n.kind() == NotificationKind.DEFINITION_PUBLISHED
                && n.subject().equals("v" + published.number() + " · A space for the notification test"));
    }
}
