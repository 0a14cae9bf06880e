package app.funnel.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.activity.FollowUpInput;
import app.funnel.activity.FollowUpService;
import app.funnel.activity.RepDayFixture;
import app.funnel.base.InvalidInputException;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.lead.DisqualificationReason;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadStatus;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
class BulkActionsIT {

    @Autowired
    BulkService bulk;
    @Autowired
    LeadService leads;
    @Autowired
    FollowUpService followUps;
    @Autowired
    DefinitionService definitions;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private long ownerChanges(long leadId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lead_field_change WHERE lead_id = ? AND field = 'owner'",
                Long.class, leadId);
    }

    private RepDayFixture fixture() {
        return new RepDayFixture(leads, definitions, users);
    }

    @Test
    void leadership_reassigns_refused_rows_say_why_and_one_undo_puts_the_owners_back() {
        RepDayFixture fixture = fixture();
        LeadDetails first = fixture.newLead("BulkA");
        LeadDetails second = fixture.newLead("BulkB");
        LeadDetails sql = fixture.sqlOf("paulo", "BulkC");
        long camila = fixture.id("camila");
        long notifiedBefore = notifications(camila);
        long sqlOwnerChanges = ownerChanges(sql.id());

        TestLogins.as("leadership", Role.LEADERSHIP);
        AtomicInteger progress = new AtomicInteger();
        BulkResult result = bulk.run(new BulkAction.ReassignLeads(camila), List.of(first.id(), second.id(), sql.id()),
                progress::set);

        assertThat(result.asked()).isEqualTo(3);
        assertThat(result.changed()).isEqualTo(2);
        assertThat(progress.get()).isEqualTo(3);
        assertThat(result.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.id()).isEqualTo(sql.id());
            assertThat(refusal.messageKey()).isEqualTo("lead.error.owner-role-sales");
            assertThat(refusal.name()).contains("BulkC");
        });
        assertThat(leads.get(first.id()).ownerId()).isEqualTo(camila);
        assertThat(leads.get(sql.id()).ownerId()).isEqualTo(fixture.id("paulo"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_field_change WHERE lead_id = ? AND field = 'owner'",
                Long.class, first.id())).as("the field history of a single change").isEqualTo(1);
        assertThat(ownerChanges(sql.id())).as("the refused row's chunk was rolled back, its history with it")
                .isEqualTo(sqlOwnerChanges);
        assertThat(notifications(camila) - notifiedBefore).as("one notification for the whole action").isEqualTo(1);

        // somebody changes the second lead after the action: the undo leaves it and says so
        TestLogins.as("leadership", Role.LEADERSHIP);
        leads.reassign(second.id(), leads.get(second.id()).version(), fixture.id("marketing"));
        BulkResult undone = bulk.undo(java.util.Objects.requireNonNull(result.undo()), n -> { });
        assertThat(undone.changed()).isEqualTo(1);
        assertThat(undone.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.id()).isEqualTo(second.id());
            assertThat(refusal.messageKey()).isEqualTo("bulk.refused.changed");
        });
        assertThat(leads.get(first.id()).ownerId()).isEqualTo(first.ownerId());
        assertThat(leads.get(second.id()).ownerId()).isEqualTo(fixture.id("marketing"));

        TestLogins.as("admin", Role.ADMIN);
        assertThatThrownBy(() -> bulk.undo(result.undo(), n -> { })).as("only who ran it undoes it")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_sales_rep_disqualifies_their_own_sqls_and_is_refused_another_reps() {
        RepDayFixture fixture = fixture();
        LeadDetails mine = fixture.sqlOf("beatriz", "BulkMine");
        LeadDetails theirs = fixture.sqlOf("tiago", "BulkTheirs");

        TestLogins.as("beatriz", Role.SALES);
        BulkResult result = bulk.run(new BulkAction.Disqualify(DisqualificationReason.NOT_A_FIT, null),
                List.of(mine.id(), theirs.id()), n -> { });

        assertThat(result.changed()).isEqualTo(1);
        assertThat(result.refused()).extracting(BulkResult.Refusal::id).containsExactly(theirs.id());
        assertThat(leads.get(mine.id()).status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(leads.get(theirs.id()).status()).isEqualTo(LeadStatus.SQL);
        assertThat(leads.history(mine.id())).as("a history row, as for a single change")
                .anySatisfy(entry -> assertThat(entry.toString()).contains("DISQUALIFIED"));

        assertThatThrownBy(() -> bulk.run(new BulkAction.ReassignLeads(fixture.id("beatriz")), List.of(theirs.id()),
                n -> { })).as("sales may not reassign").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void marketing_hands_over_mqls_confirming_the_sql_criteria_and_a_new_lead_is_refused() {
        RepDayFixture fixture = fixture();
        List<Long> mqls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LeadDetails lead = fixture.newLead("BulkMql" + i);
            leads.confirmCriteria(lead.id(), codes(Term.MQL));
            mqls.add(leads.qualify(lead.id(), lead.version()).id());
        }
        LeadDetails fresh = fixture.newLead("BulkNew");
        List<Long> rows = new ArrayList<>(mqls);
        rows.add(fresh.id());
        long salesNotified = notifications(fixture.id("sales"));

        TestLogins.as("marketing", Role.MARKETING);
        BulkResult unconfirmed = bulk.run(new BulkAction.HandOver(fixture.id("sales"), Set.of()), mqls, n -> { });
        assertThat(unconfirmed.changed()).as("the SQL definition is enforced per row").isZero();
        assertThat(unconfirmed.refused()).allSatisfy(r -> assertThat(r.messageKey()).isEqualTo("bulk.refused.criteria"));

        BulkResult result = bulk.run(new BulkAction.HandOver(fixture.id("sales"), Set.copyOf(codes(Term.SQL))), rows,
                n -> { });
        assertThat(result.changed()).isEqualTo(3);
        assertThat(result.refused()).extracting(BulkResult.Refusal::id).containsExactly(fresh.id());
        assertThat(mqls).allSatisfy(id -> assertThat(leads.get(id).status()).isEqualTo(LeadStatus.SQL));
        assertThat(leads.get(fresh.id()).status()).isEqualTo(LeadStatus.NEW);
        assertThat(notifications(fixture.id("sales")) - salesNotified).isEqualTo(1);
    }

    @Test
    void a_follow_up_on_many_leads_is_planned_for_each_owner_and_undone_at_once() {
        RepDayFixture fixture = fixture();
        LeadDetails a = fixture.sqlOf("beatriz", "BulkFollowA");
        LeadDetails b = fixture.sqlOf("beatriz", "BulkFollowB");

        TestLogins.as("beatriz", Role.SALES);
        BulkResult result = bulk.run(new BulkAction.AddFollowUp(BulkAction.Kind.LEADS,
                new FollowUpInput("Call back", Instant.now().plusSeconds(3600), null, null)), List.of(a.id(), b.id()),
                n -> { });
        assertThat(result.changed()).isEqualTo(2);
        assertThat(followUps.ofRecord("LEAD", a.id())).extracting(f -> f.title()).containsExactly("Call back");

        BulkResult undone = bulk.undo(java.util.Objects.requireNonNull(result.undo()), n -> { });
        assertThat(undone.changed()).isEqualTo(2);
        assertThat(followUps.ofRecord("LEAD", a.id())).isEmpty();
        assertThat(followUps.ofRecord("LEAD", b.id())).isEmpty();
    }

    @Test
    void an_action_takes_at_most_ten_thousand_rows_and_needs_one() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        List<Long> tooMany = new ArrayList<>();
        for (long i = 1; i <= BulkService.MAX_ROWS + 1; i++) {
            tooMany.add(i);
        }
        assertThatThrownBy(() -> bulk.run(new BulkAction.ReassignLeads(1), tooMany, n -> { }))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bulk.error.too-many"));
        assertThatThrownBy(() -> bulk.run(new BulkAction.ReassignLeads(1), List.of(), n -> { }))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bulk.error.none"));
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> bulk.run(new BulkAction.ReassignLeads(1), List.of(1L), n -> { }))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    private List<String> codes(Term term) {
        return definitions.entry(definitions.currentVersion(), term).criteria().stream().map(Criterion::code).toList();
    }

    private long notifications(long userId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE user_id = ?", Long.class, userId);
        return n == null ? 0 : n;
    }
}
