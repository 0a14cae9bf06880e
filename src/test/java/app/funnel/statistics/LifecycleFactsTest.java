package app.funnel.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.lead.LeadStatus;
import app.funnel.opportunity.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The facts of every lead status and deal stage, as one table a reader can check against the
 * source document. A new status or stage does not compile until its enum says its facts; this test
 * then fails until the table says what they should be, and the statistics (Java and SQL) follow.
 */
class LifecycleFactsTest {

    /** state: funnel step, working (its stays are counted), outcome. */
    private static final Map<String, String> FACTS = new LinkedHashMap<>();

    static {
        FACTS.put("LEAD NEW", "LEAD working NONE");
        FACTS.put("LEAD MQL", "MQL working NONE");
        FACTS.put("LEAD SQL", "SQL working NONE");
        FACTS.put("LEAD CONVERTED", "OPPORTUNITY done NONE");
        FACTS.put("LEAD DISQUALIFIED", "LEAD done NONE");
        FACTS.put("OPPORTUNITY QUALIFICATION", "OPPORTUNITY working NONE");
        FACTS.put("OPPORTUNITY PROPOSAL", "OPPORTUNITY working NONE");
        FACTS.put("OPPORTUNITY QUOTE", "QUOTE working NONE");
        FACTS.put("OPPORTUNITY NEGOTIATION", "QUOTE working NONE");
        FACTS.put("OPPORTUNITY CLOSED_WON", "WON done WON");
        FACTS.put("OPPORTUNITY CLOSED_LOST", "OPPORTUNITY done LOST");
    }

    @Test
    void every_status_and_stage_has_the_facts_the_table_gives() {
        Map<String, String> declared = new LinkedHashMap<>();
        for (Lifecycle lifecycle : List.of(LeadStatus.LIFECYCLE, Stage.LIFECYCLE)) {
            for (FunnelState state : lifecycle.states()) {
                declared.put(lifecycle.recordType() + " " + state.name(),
                        state.step() + " " + (state.working() ? "working" : "done") + " " + state.outcome());
            }
        }
        assertThat(declared).as("add the new status or stage to FACTS with what it is").isEqualTo(FACTS);
    }

    @Test
    void the_lifecycles_hold_every_constant_of_their_enum() {
        assertThat(List.<Object>copyOf(LeadStatus.LIFECYCLE.states())).containsExactly((Object[]) LeadStatus.values());
        assertThat(List.<Object>copyOf(Stage.LIFECYCLE.states())).containsExactly((Object[]) Stage.values());
    }

    @Test
    void one_lead_status_is_the_handoff_and_one_the_return() {
        // the handoff and return events are read from these steps: exactly one state each
        assertThat(LeadStatus.LIFECYCLE.names(s -> s.step() == FunnelStep.SQL)).containsExactly("SQL");
        assertThat(LeadStatus.LIFECYCLE.names(s -> s.step() == FunnelStep.MQL)).containsExactly("MQL");
        assertThat(Stage.LIFECYCLE.names(s -> s.step() == FunnelStep.SQL || s.step() == FunnelStep.MQL)).isEmpty();
    }

    @Test
    void a_step_counted_by_one_lifecycle_is_not_counted_by_another() {
        // a converted lead and its deal would otherwise count twice at the opportunity step
        assertThat(LeadStatus.LIFECYCLE.countedSteps()).doesNotContainAnyElementsOf(Stage.LIFECYCLE.countedSteps());
    }

    @Test
    void an_open_stage_is_a_working_one_and_a_closed_one_has_an_outcome() {
        for (Stage stage : Stage.values()) {
            assertThat(stage.isOpen()).as(stage.name()).isEqualTo(stage.working());
            assertThat(stage.outcome() == FunnelState.Outcome.NONE).as(stage.name()).isEqualTo(stage.isOpen());
        }
    }

    @Test
    void the_sql_lists_are_generated_from_the_facts() {
        assertThat(LeadStatus.LIFECYCLE.sqlIn(FunnelState::working)).isEqualTo("('NEW', 'MQL', 'SQL')");
        assertThat(Stage.LIFECYCLE.sqlIn(FunnelState::working))
                .isEqualTo("('QUALIFICATION', 'PROPOSAL', 'QUOTE', 'NEGOTIATION')");
        assertThat(LeadStatus.LIFECYCLE.sqlIn(s -> s.outcome() == FunnelState.Outcome.WON)).isEqualTo("('')");
        assertThat(LeadStatus.LIFECYCLE.stepCodeSql("to_stage"))
                .isEqualTo("CASE to_stage WHEN 'MQL' THEN 1 WHEN 'SQL' THEN 2 WHEN 'CONVERTED' THEN 3 ELSE 0 END");
        assertThat(Stage.LIFECYCLE.stepCodeSql("s.to_stage")).isEqualTo("CASE s.to_stage WHEN 'QUALIFICATION' THEN 3 "
                + "WHEN 'PROPOSAL' THEN 3 WHEN 'QUOTE' THEN 4 WHEN 'NEGOTIATION' THEN 4 WHEN 'CLOSED_WON' THEN 5 "
                + "WHEN 'CLOSED_LOST' THEN 3 ELSE 0 END");
    }

    @Test
    void the_stored_step_codes_are_in_funnel_order_and_never_reused() {
        assertThat(Stream.of(FunnelStep.values()).map(s -> s.code)).containsExactly(0, 1, 2, 3, 4, 5);
        for (FunnelStep step : FunnelStep.values()) {
            assertThat(FunnelStep.of(step.code)).isEqualTo(step);
        }
    }
}
