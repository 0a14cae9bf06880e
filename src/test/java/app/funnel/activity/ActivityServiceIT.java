package app.funnel.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
class ActivityServiceIT {

    @Autowired
    ActivityService activities;
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
    @Autowired
    org.springframework.context.ApplicationContext context;

    RepDayFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new RepDayFixture(leads, definitions, users);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private static ActivityInput call(String text) {
        return new ActivityInput(ActivityKind.CALL, null, ActivityOutcome.CONNECTED, text, "Rita (CFO)", false);
    }

    @Test
    void the_first_call_on_an_sql_is_its_first_touch_and_a_note_is_not() {
        LeadDetails sql = fixture.sqlOf("sales", "Touch");
        assertThat(sql.firstTouchAt()).isNull();
        TestLogins.as("sales", Role.SALES);
        activities.log("LEAD", sql.id(), new ActivityInput(ActivityKind.NOTE, null, null, "Looked her up", null, false));
        assertThat(leads.get(sql.id()).firstTouchAt()).as("a note touches nobody").isNull();

        Instant before = Instant.now();
        activities.log("LEAD", sql.id(), call("Talked about the budget"));
        LeadDetails touched = leads.get(sql.id());
        assertThat(touched.firstTouchAt()).isNotNull().isAfterOrEqualTo(sql.updatedAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(touched.firstTouchAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE id = ? AND first_touch_at IS NOT NULL",
                Integer.class, sql.id())).isEqualTo(1);

        // a later call does not move the first touch
        activities.log("LEAD", sql.id(), call("Sent the deck"));
        assertThat(leads.get(sql.id()).firstTouchAt()).isEqualTo(touched.firstTouchAt());
        assertThat(activities.timeline("LEAD", sql.id(), 0, 10).entries()).extracting(ActivityEntry::body)
                .containsExactly("Sent the deck", "Talked about the budget", "Looked her up");
        // the first touch is counted as Accept's is (time from handoff to first touch)
        app.funnel.statistics.TallyTruth.assertStageTallyAsInTheBaseTables(context);
    }

    @Test
    void only_who_may_work_the_record_logs_on_it_and_private_notes_stay_private() {
        LeadDetails sql = fixture.sqlOf("sales", "Access");
        TestLogins.as("paulo", Role.SALES);
        assertThatThrownBy(() -> activities.log("LEAD", sql.id(), call("Not mine"))).isInstanceOf(AccessDeniedException.class);
        TestLogins.as("marketing", Role.MARKETING);
        assertThatThrownBy(() -> activities.log("LEAD", sql.id(), call("After the handoff")))
                .isInstanceOf(AccessDeniedException.class);
        TestLogins.as("admin", Role.ADMIN);
        assertThatThrownBy(() -> activities.log("LEAD", sql.id(), call("Admin"))).isInstanceOf(AccessDeniedException.class);

        TestLogins.as("sales", Role.SALES);
        ActivityEntry secret = activities.log("LEAD", sql.id(),
                new ActivityInput(ActivityKind.NOTE, null, null, "Her budget is 40k, keep it quiet", null, true));
        activities.log("LEAD", sql.id(), call("Open call"));
        assertThat(activities.timeline("LEAD", sql.id(), 0, 10).total()).isEqualTo(2);

        TestLogins.as("paulo", Role.SALES);
        assertThat(activities.timeline("LEAD", sql.id(), 0, 10).entries()).extracting(ActivityEntry::body)
                .containsExactly("Open call");
        assertThatThrownBy(() -> activities.revisions(secret.id())).isInstanceOf(AccessDeniedException.class);
        TestLogins.as("marketing", Role.MARKETING);
        assertThat(activities.timeline("LEAD", sql.id(), 0, 10).total()).isEqualTo(1);
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThat(activities.timeline("LEAD", sql.id(), 0, 10).entries()).extracting(ActivityEntry::body)
                .contains("Her budget is 40k, keep it quiet");
        ActivityEntry byLeadership = activities.log("LEAD", sql.id(), call("Leadership called too"));
        assertThat(byLeadership.mayChange()).isTrue();
    }

    @Test
    void only_the_author_or_leadership_edits_and_the_history_keeps_what_it_said() {
        LeadDetails sql = fixture.sqlOf("sales", "Edit");
        TestLogins.as("sales", Role.SALES);
        ActivityEntry logged = activities.log("LEAD", sql.id(), call("Budget 30k"));
        TestLogins.as("paulo", Role.SALES);
        assertThatThrownBy(() -> activities.edit(logged.id(), logged.version(), call("Budget 0")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activities.delete(logged.id(), logged.version())).isInstanceOf(AccessDeniedException.class);

        TestLogins.as("sales", Role.SALES);
        ActivityEntry edited = activities.edit(logged.id(), logged.version(), call("Budget 35k"));
        assertThat(edited.edited()).isTrue();
        assertThatThrownBy(() -> activities.edit(logged.id(), logged.version(), call("Budget 31k")))
                .as("a second edit from the same stale screen").isInstanceOf(ConcurrentChangeException.class);

        TestLogins.as("leadership", Role.LEADERSHIP);
        activities.delete(edited.id(), edited.version());
        assertThat(activities.timeline("LEAD", sql.id(), 0, 10).entries()).isEmpty();
        assertThat(jdbc.queryForList("SELECT body FROM activity_revision WHERE activity_id = ? ORDER BY id",
                String.class, logged.id())).containsExactly("Budget 30k", "Budget 35k");
        assertThat(jdbc.queryForList("SELECT action FROM activity_revision WHERE activity_id = ? ORDER BY id",
                String.class, logged.id())).containsExactly("EDIT", "DELETE");
    }

    @Test
    void bad_input_is_refused_on_its_field_and_nothing_is_stored() {
        LeadDetails sql = fixture.sqlOf("sales", "Bad");
        TestLogins.as("sales", Role.SALES);
        assertField(() -> activities.log("LEAD", sql.id(), call("  ")), "body");
        assertField(() -> activities.log("LEAD", sql.id(), call("x".repeat(5001))), "body");
        assertField(() -> activities.log("LEAD", sql.id(), new ActivityInput(null, null, null, "text", null, false)), "kind");
        assertField(() -> activities.log("LEAD", sql.id(), new ActivityInput(ActivityKind.CALL,
                Instant.now().plus(Duration.ofHours(2)), null, "tomorrow's call", null, false)), "occurredAt");
        assertField(() -> activities.log("LEAD", sql.id(), new ActivityInput(ActivityKind.NOTE, null,
                ActivityOutcome.CONNECTED, "a note does not connect", null, false)), "outcome");
        assertField(() -> activities.log("LEAD", sql.id(), new ActivityInput(ActivityKind.NOTE, null, null,
                "hidden \u202Etext", null, false)), "body");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE record_type = 'LEAD' AND record_id = ?",
                Integer.class, sql.id())).isZero();
        assertThat(leads.get(sql.id()).firstTouchAt()).isNull();
    }

    @Test
    void a_follow_up_goes_to_the_owner_by_default_and_the_sql_has_a_next_step_until_it_is_done() {
        LeadDetails sql = fixture.sqlOf("sales", "Step");
        TestLogins.as("sales", Role.SALES);
        assertThat(followUps.lacksNextStep("LEAD", sql.id())).isTrue();
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        FollowUpEntry step = followUps.add("LEAD", sql.id(), new FollowUpInput("Call back about pricing", tomorrow, null, null));
        assertThat(step.assigneeId()).isEqualTo(fixture.id("sales"));
        assertThat(step.overdue()).isFalse();
        assertThat(followUps.lacksNextStep("LEAD", sql.id())).isFalse();
        assertThat(followUps.mineDueBefore(tomorrow.plusSeconds(60), 50)).extracting(FollowUpEntry::id).contains(step.id());

        FollowUpEntry done = followUps.setDone(step.id(), step.version(), true);
        assertThat(done.doneAt()).isNotNull();
        assertThat(followUps.lacksNextStep("LEAD", sql.id())).isTrue();
        assertThatThrownBy(() -> followUps.setDone(step.id(), step.version(), false))
                .isInstanceOf(ConcurrentChangeException.class);
        followUps.setDone(done.id(), done.version(), false);
        assertThat(followUps.lacksNextStep("LEAD", sql.id())).isFalse();
    }

    @Test
    void a_follow_up_due_in_the_past_or_for_someone_without_access_is_refused() {
        LeadDetails sql = fixture.sqlOf("sales", "Refused");
        TestLogins.as("sales", Role.SALES);
        assertField(() -> followUps.add("LEAD", sql.id(), new FollowUpInput("Call", Instant.now().minus(Duration.ofHours(1)),
                null, null)), "dueAt");
        assertField(() -> followUps.add("LEAD", sql.id(), new FollowUpInput("Call", Instant.now().plusSeconds(3600),
                fixture.id("marketing"), null)), "assigneeId");
        assertField(() -> followUps.add("LEAD", sql.id(), new FollowUpInput("Call", Instant.now().plusSeconds(3600),
                fixture.id("paulo"), null)), "assigneeId");
        assertField(() -> followUps.add("LEAD", sql.id(), new FollowUpInput(" ", Instant.now().plusSeconds(3600),
                null, null)), "title");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM follow_up WHERE record_type = 'LEAD' AND record_id = ?",
                Integer.class, sql.id())).isZero();
        TestLogins.as("paulo", Role.SALES);
        assertThatThrownBy(() -> followUps.add("LEAD", sql.id(), new FollowUpInput("Steal it",
                Instant.now().plusSeconds(3600), null, null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void reassigning_moves_the_open_follow_ups_of_the_previous_owner_when_asked() {
        LeadDetails sql = fixture.sqlOf("sales", "Move");
        TestLogins.as("sales", Role.SALES);
        followUps.add("LEAD", sql.id(), new FollowUpInput("Send proposal", Instant.now().plusSeconds(7200), null, null));
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThat(followUps.openOfOwner("LEAD", sql.id())).isEqualTo(1);
        LeadDetails current = leads.get(sql.id());
        leads.reassign(current.id(), current.version(), fixture.id("paulo"));
        assertThat(followUps.moveOpen("LEAD", sql.id(), fixture.id("sales"))).isEqualTo(1);
        assertThat(followUps.ofRecord("LEAD", sql.id())).extracting(FollowUpEntry::assigneeId)
                .containsExactly(fixture.id("paulo"));
        TestLogins.as("sales", Role.SALES);
        assertThatThrownBy(() -> followUps.moveOpen("LEAD", sql.id(), fixture.id("paulo")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
