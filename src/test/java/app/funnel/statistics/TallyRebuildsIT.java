package app.funnel.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The check at start finds a tally that disagrees with the base tables; one kind of history event
 * is counted again without touching the others (how a new event kind is back-filled).
 */
@FunnelAppTest
class TallyRebuildsIT {

    @Autowired
    TallyRebuilds rebuilds;
    @Autowired
    LeadService leads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_check_says_which_tally_disagrees_and_a_rebuild_makes_it_agree() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        leads.create(new LeadInput("Check", "Tally" + tag, "check" + tag + "@tally.example.com", null, null, null, null,
                LeadSource.EVENT, null, null), true);
        rebuilds.all(); // whatever other tests on this database wrote around the services
        assertThat(rebuilds.check()).isEmpty();

        jdbc.update("UPDATE lead_tally SET n = n + 3 ORDER BY created_month DESC LIMIT 1");
        assertThat(rebuilds.check()).singleElement().asString().startsWith("leads per status");

        rebuilds.leads();
        assertThat(rebuilds.check()).isEmpty();
    }

    @Test
    void one_kind_of_event_is_counted_again_and_the_others_are_left_as_they_are() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails lead = leads.create(new LeadInput("Kind", "Rebuild" + tag, "kind" + tag + "@tally.example.com", null,
                null, null, null, LeadSource.PARTNER, null, null), true);
        leads.disqualify(lead.id(), lead.version(), app.funnel.lead.DisqualificationReason.NO_INTEREST, null);
        int reached = StageTally.Kind.REACHED.code;
        int stay = StageTally.Kind.STAY.code;

        // as a new kind of event finds the table: none of its rows yet; and a stay row off by five
        jdbc.update("DELETE FROM stage_tally WHERE kind = " + reached);
        jdbc.update("UPDATE stage_tally SET n = n + 5 WHERE kind = " + stay + " ORDER BY month DESC LIMIT 1");
        long staysBefore = sum(stay);
        rebuilds.history(FunnelFigures.Event.REACHED);

        assertThat(sum(reached)).isEqualTo(truth(reached));
        assertThat(sum(stay)).isEqualTo(staysBefore).isEqualTo(truth(stay) + 5);

        rebuilds.history(FunnelFigures.Event.STAY);
        TallyTruth.assertStageTallyAsInTheBaseTables(context);
    }

    private long sum(int kind) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(n), 0) FROM stage_tally WHERE kind = ?", Long.class, kind);
    }

    private long truth(int kind) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(n), 0) FROM (" + TallyTruth.countedQuery(context)
                + ") c WHERE c.kind = ?", Long.class, kind);
    }
}
