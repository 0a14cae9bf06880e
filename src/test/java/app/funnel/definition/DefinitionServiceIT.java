package app.funnel.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
class DefinitionServiceIT {

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    DefinitionService definitions;

    @AfterEach
    void cleanUp() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        for (Term term : definitions.draftTerms()) {
            definitions.discardDraft(term);
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void version_1_holds_the_defaults_from_the_source_document() {
        TestLogins.as("sales", Role.SALES);
        var v1 = definitions.entries(1);
        assertThat(v1).hasSize(Term.values().length);
        assertThat(v1.get(Term.SQL).criteria()).extracting(Criterion::code)
                .containsExactly("asked-to-become-customer", "fits-icp");
        assertThat(v1.get(Term.SQL).slaHours()).isEqualTo(24);
        assertThat(v1.get(Term.QUOTE).criteria()).extracting(Criterion::name).containsExactly("Need",
                "Ability to pay", "Desire", "Authority", "Product agreed", "Price agreed", "Delivery agreed",
                "Conditions agreed");
        assertThat(List.of(v1.get(Term.QUALIFICATION).probability(), v1.get(Term.PROPOSAL).probability(),
                v1.get(Term.QUOTE).probability(), v1.get(Term.NEGOTIATION).probability(),
                v1.get(Term.CLOSED_WON).probability(), v1.get(Term.CLOSED_LOST).probability()))
                .containsExactly(10, 30, 60, 80, 100, 0);
        assertThat(v1.get(Term.OPPORTUNITY).examples()).contains("US$30 million");
    }

    @Test
    void publishing_a_draft_makes_version_n_plus_1_and_keeps_every_version_readable() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        int before = definitions.currentVersion();
        DefinitionEntry sql = definitions.draft(Term.SQL).entry();
        List<Criterion> criteria = new ArrayList<>(sql.criteria());
        criteria.add(new Criterion("", "Budget confirmed", "The buyer has a budget for this year."));
        definitions.saveDraft(new DefinitionEntry(Term.SQL, sql.body(), sql.examples(), criteria, null, 8), 0);

        PublishedVersion published = definitions.publish("SQLs now need a confirmed budget; SLA 8 hours.");

        assertThat(published.number()).isEqualTo(before + 1);
        assertThat(published.publishedBy()).isEqualTo("leadership");
        assertThat(published.changedTerms()).containsExactly(Term.SQL);
        assertThat(definitions.currentVersion()).isEqualTo(before + 1);
        assertThat(definitions.entry(before + 1, Term.SQL).slaHours()).isEqualTo(8);
        assertThat(definitions.entry(before, Term.SQL)).isEqualTo(sql);
        assertThat(definitions.entry(before + 1, Term.MQL)).isEqualTo(definitions.entry(before, Term.MQL));
        assertThat(definitions.draftTerms()).isEmpty();

        var comparison = definitions.compare(before, before + 1);
        assertThat(comparison).filteredOn(TermComparison::changed).extracting(TermComparison::term)
                .containsExactly(Term.SQL);

        assertThat(definitions.check(Term.SQL, Set.of("asked-to-become-customer", "fits-icp")).unmet())
                .extracting(Criterion::code).containsExactly("budget-confirmed");
    }

    @Test
    void a_second_editor_saving_a_stale_draft_is_told_who_saved_first_and_nothing_is_lost() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        DefinitionEntry mql = definitions.draft(Term.MQL).entry();
        Draft first = definitions.saveDraft(withBody(mql, "First editor's text."), 0);

        TestLogins.as("admin", Role.ADMIN);
        assertThatThrownBy(() -> definitions.saveDraft(withBody(mql, "Second editor's text."), 0))
                .isInstanceOfSatisfying(ConcurrentChangeException.class,
                        e -> assertThat(e.changedBy()).isEqualTo("leadership"));
        assertThat(definitions.draft(Term.MQL).entry().body()).isEqualTo("First editor's text.");

        Draft second = definitions.saveDraft(withBody(mql, "Second editor's text."), first.rowVersion());
        assertThat(second.updatedBy()).isEqualTo("admin");
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThatThrownBy(() -> definitions.saveDraft(withBody(mql, "Overwrite"), first.rowVersion()))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void publishing_needs_a_change_note_and_a_draft() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThatThrownBy(() -> definitions.publish("Nothing changed"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("definition.error.nothing-to-publish"));
        definitions.saveDraft(withBody(definitions.draft(Term.LEAD).entry(), "A lead left contact data."), 0);
        assertThatThrownBy(() -> definitions.publish("  "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("changeNote"));
    }

    @Test
    void acknowledging_clears_the_pending_version_and_shows_in_the_report_per_role() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        definitions.saveDraft(withBody(definitions.draft(Term.LEAD).entry(), "Leads leave contact data."), 0);
        int version = definitions.publish("Shorter lead text").number();

        TestLogins.as("marketing", Role.MARKETING);
        assertThat(definitions.pendingAcknowledgement()).hasValueSatisfying(v -> {
            assertThat(v.number()).isEqualTo(version);
            assertThat(v.changedTerms()).containsExactly(Term.LEAD);
        });
        definitions.acknowledge(version);
        assertThat(definitions.pendingAcknowledgement()).isEmpty();

        TestLogins.as("leadership", Role.LEADERSHIP);
        AcknowledgementReport report = definitions.acknowledgements();
        assertThat(report.version()).isEqualTo(version);
        assertThat(report.users()).filteredOn(u -> u.username().equals("marketing")).singleElement()
                .satisfies(u -> assertThat(u.current(version)).isTrue());
        assertThat(report.users()).filteredOn(u -> u.username().equals("sales")).singleElement()
                .satisfies(u -> assertThat(u.current(version)).isFalse());
        assertThat(report.byRole().get(Role.MARKETING).acknowledged()).isPositive();
    }

    @Test
    void confirmations_record_who_confirmed_which_criterion_and_under_which_version() {
        TestLogins.as("sales", Role.SALES);
        RecordRef lead = RecordRef.lead(987_654_321L);
        transactions.executeWithoutResult(status -> {
            RecordChecks.checked(lead);
            definitions.confirm(lead, "fits-icp");
        });
        assertThat(definitions.confirmations(lead)).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("fits-icp");
            assertThat(c.confirmedBy()).isEqualTo("sales");
            assertThat(c.version()).isEqualTo(definitions.currentVersion());
        });
        transactions.executeWithoutResult(status -> {
            RecordChecks.checked(lead);
            definitions.unconfirm(lead, "fits-icp");
        });
        assertThat(definitions.confirmations(lead)).isEmpty();
    }

    @Test
    void criteria_are_confirmed_only_on_records_their_feature_checked_in_the_same_transaction() {
        TestLogins.as("sales", Role.SALES);
        RecordRef foreign = RecordRef.lead(987_654_322L);
        assertThatThrownBy(() -> definitions.confirm(foreign, "fits-icp")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> definitions.confirm(foreign, "fits-icp")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            RecordChecks.checked(RecordRef.lead(1));
            definitions.moveConfirmations(foreign, RecordRef.lead(1));
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> definitions.unconfirm(foreign, "fits-icp")).isInstanceOf(AccessDeniedException.class);
        assertThat(definitions.confirmations(foreign)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MARKETING", "SALES"})
    void only_leadership_and_admin_may_edit_publish_or_see_acknowledgements(Role role) {
        TestLogins.as("someone", role);
        DefinitionEntry lead = definitions.entry(definitions.currentVersion(), Term.LEAD);
        assertThatThrownBy(() -> definitions.draft(Term.LEAD)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> definitions.saveDraft(lead, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> definitions.discardDraft(Term.LEAD)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> definitions.publish("note")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> definitions.acknowledgements()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> definitions.draftTerms()).isInstanceOf(AccessDeniedException.class);
    }

    private static DefinitionEntry withBody(DefinitionEntry entry, String body) {
        return new DefinitionEntry(entry.term(), body, entry.examples(), entry.criteria(), entry.probability(),
                entry.slaHours());
    }
}
