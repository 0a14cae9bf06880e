package app.funnel.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.base.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnforcementTest {

    private static final DefinitionEntry SQL = new DefinitionEntry(Term.SQL, "Asked to become a customer and fits the ICP.",
            "", List.of(new Criterion("asked-to-become-customer", "Asked to become a customer", "Contact form"),
                    new Criterion("fits-icp", "Fits the ideal customer profile", "Size and industry")), null, 24);

    @Test
    void a_record_with_every_criterion_confirmed_may_enter() {
        Verdict verdict = Enforcement.check(3, SQL, Set.of("asked-to-become-customer", "fits-icp", "unrelated"));
        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.version()).isEqualTo(3);
    }

    @Test
    void a_refusal_lists_the_unmet_criteria_in_the_definitions_words_and_quotes_it() {
        Verdict verdict = Enforcement.check(3, SQL, Set.of("asked-to-become-customer"));
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.unmet()).extracting(Criterion::name).containsExactly("Fits the ideal customer profile");
        assertThat(verdict.body()).isEqualTo("Asked to become a customer and fits the ICP.");
    }

    @Test
    void a_term_without_criteria_is_always_allowed() {
        DefinitionEntry negotiation = new DefinitionEntry(Term.NEGOTIATION, "Negotiating.", "", List.of(), 80, null);
        assertThat(Enforcement.check(1, negotiation, Set.of()).allowed()).isTrue();
    }

    @Test
    void an_empty_definition_is_refused_on_the_body() {
        assertRefused(new DefinitionEntry(Term.MQL, "  ", "", List.of(), null, null), "body");
    }

    @Test
    void a_criterion_without_a_name_is_refused_naming_its_position() {
        assertThatThrownBy(() -> DefinitionService.validate(new DefinitionEntry(Term.MQL, "Engaged.", "",
                List.of(new Criterion("", "Newsletter", ""), new Criterion("", " ", "why")), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("criteria");
                    assertThat(e.arguments()).containsExactly(2);
                });
    }

    @Test
    void open_stage_probability_must_lie_within_0_and_99() {
        assertRefused(new DefinitionEntry(Term.PROPOSAL, "Proposed.", "", List.of(), 100, null), "probability");
        assertRefused(new DefinitionEntry(Term.PROPOSAL, "Proposed.", "", List.of(), -1, null), "probability");
        assertRefused(new DefinitionEntry(Term.PROPOSAL, "Proposed.", "", List.of(), null, null), "probability");
        assertThat(DefinitionService.validate(new DefinitionEntry(Term.PROPOSAL, "Proposed.", "", List.of(), 0, null))
                .probability()).isZero();
    }

    @Test
    void won_is_always_100_and_lost_always_0() {
        assertThat(DefinitionService.validate(new DefinitionEntry(Term.CLOSED_WON, "Won.", "", List.of(), 50, null))
                .probability()).isEqualTo(100);
        assertThat(DefinitionService.validate(new DefinitionEntry(Term.CLOSED_LOST, "Lost.", "", List.of(), 50, null))
                .probability()).isZero();
    }

    @Test
    void a_negative_sla_is_refused() {
        assertRefused(new DefinitionEntry(Term.SQL, "SQL.", "", List.of(), null, -1), "slaHours");
        assertThat(DefinitionService.validate(new DefinitionEntry(Term.SQL, "SQL.", "", List.of(), null, 0)).slaHours())
                .isZero();
    }

    @Test
    void new_criteria_get_stable_codes_from_their_names_and_existing_codes_are_kept() {
        DefinitionEntry entry = DefinitionService.validate(new DefinitionEntry(Term.SQL, "SQL.", "", List.of(
                new Criterion("fits-icp", "Fits the ICP (renamed)", "x"),
                new Criterion("", "Orçamento aprovado", "budget"),
                new Criterion("", "Orçamento aprovado", "again")), null, 12));
        assertThat(entry.criteria()).extracting(Criterion::code)
                .containsExactly("fits-icp", "orcamento-aprovado", "orcamento-aprovado-2");
    }

    private static void assertRefused(DefinitionEntry entry, String field) {
        assertThatThrownBy(() -> DefinitionService.validate(entry))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
