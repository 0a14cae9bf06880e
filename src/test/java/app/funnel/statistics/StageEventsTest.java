package app.funnel.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.lead.LeadStatus;
import app.funnel.opportunity.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events a record's history counts, read from its states' facts (no database: the month is the zone's). */
class StageEventsTest {

    private final StageTally tally = new StageTally(null, null, app.funnel.base.CompanyZone.of(java.time.ZoneOffset.UTC),
            null, List.of(LeadStatus.LIFECYCLE, Stage.LIFECYCLE));
    private final Instant t0 = Instant.parse("2030-01-10T09:00:00Z");

    private StageTally.Row row(long id, String to, long hours) {
        return new StageTally.Row(id, to, t0.plus(Duration.ofHours(hours)), 7, "EVENT", null);
    }

    @Test
    void a_lead_handed_over_returned_and_handed_over_again_counts_each_handoff_and_the_return() {
        List<StageTally.Event> events = tally.events(LeadStatus.LIFECYCLE, List.of(row(1, "NEW", 0), row(2, "MQL", 2),
                row(3, "SQL", 5), row(4, "MQL", 15), row(5, "SQL", 16), row(6, "CONVERTED", 40)));
        assertThat(events).extracting(e -> e.kind() + " " + e.stage() + " " + e.bucket()).containsExactlyInAnyOrder(
                "REACHED MQL 0", "REACHED SQL 0",
                "HANDOFF SQL 0", "HANDOFF SQL 0", "RETURNED SQL 0",
                "STAY NEW 2", "STAY MQL 3", "STAY SQL 10", "STAY MQL 1", "STAY SQL 24");
    }

    @Test
    void a_lead_that_skipped_mql_counts_there_too() {
        List<StageTally.Event> events = tally.events(LeadStatus.LIFECYCLE, List.of(row(1, "NEW", 0), row(2, "SQL", 3)));
        assertThat(events).extracting(e -> e.kind() + " " + e.stage()).contains("REACHED MQL", "REACHED SQL");
    }

    @Test
    void a_deal_counts_its_start_its_stays_and_its_last_close_only() {
        StageTally.Row lost = new StageTally.Row(3, "CLOSED_LOST", t0.plus(Duration.ofDays(4)), 7, null, "PRICE");
        List<StageTally.Event> events = tally.events(Stage.LIFECYCLE, List.of(row(1, "QUALIFICATION", 0),
                row(2, "PROPOSAL", 72), lost));
        assertThat(events).extracting(e -> e.kind() + " " + e.stage() + " " + e.bucket()).containsExactlyInAnyOrder(
                "REACHED OPPORTUNITY 0", "STAY QUALIFICATION 72", "STAY PROPOSAL 24", "LOST PRICE 0");
        List<StageTally.Event> reopened = tally.events(Stage.LIFECYCLE, List.of(row(1, "QUALIFICATION", 0), lost,
                row(4, "QUALIFICATION", 100), row(5, "CLOSED_WON", 200)));
        assertThat(reopened).extracting(e -> e.kind().name()).containsOnlyOnce("WON").doesNotContain("LOST");
    }
}
