package app.funnel.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counting again from the base tables: after bulk loads (demo data, generated leads), which write
 * without counting, and at start, where tallies counted in another zone are counted again, a
 * history written before the stage tally existed is counted once, and a sample of every tally is
 * compared with the base tables, saying so in the log when they disagree.
 */
@Component
public class TallyRebuilds {

    private static final Logger log = LoggerFactory.getLogger(TallyRebuilds.class);

    private final JdbcTemplate jdbc;
    private final LeadTally leads;
    private final DealTally deals;
    private final StageTally stages;

    TallyRebuilds(JdbcTemplate jdbc, LeadTally leads, DealTally deals, StageTally stages) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.deals = deals;
        this.stages = stages;
    }

    /** Counts the leads again (after leads were written in bulk). */
    public void leads() {
        leads.rebuild();
    }

    /** Counts the deals again (after deals were written in bulk). */
    public void deals() {
        deals.rebuild();
    }

    /** Counts every history event again (after history rows were written in bulk without being counted). */
    public void history() {
        stages.rebuild();
    }

    /** Counts one kind of history event again, leaving the others: a new or changed event rule back-filled. */
    public void history(FunnelFigures.Event kind) {
        stages.rebuild(kind.kind);
    }

    /** Every tally again. */
    public void all() {
        leads();
        deals();
        history();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (leads.countedInAnotherZone()) {
            log.info("The lead tally was counted in another time zone: counting it again");
            leads.rebuild();
        }
        boolean counted = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM stage_tally)",
                Boolean.class));
        boolean history = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM stage_change WHERE from_stage IS NOT NULL)", Boolean.class));
        if (history && (!counted || stages.countedInAnotherZone())) {
            // never counted (a database from before V10), or counted in another zone: FUNNEL_TIME_ZONE changed
            log.info("The history events were not counted in this time zone yet: counting them");
            stages.rebuild();
        } else if (!history) {
            stages.countedInTheCompanyZone();
        }
        // a few grouped scans: off the start, so that a large database is ready as soon as before
        Thread.ofVirtual().name("tally-check").start(() -> {
            try {
                long started = System.nanoTime();
                List<String> disagreements = check();
                long ms = (System.nanoTime() - started) / 1_000_000;
                if (disagreements.isEmpty()) {
                    log.info("Tallies checked against the base tables in {} ms: they agree", ms);
                } else {
                    log.warn("Tallies disagree with the base tables ({}); figures and grid counts are off until "
                            + "they are counted again", String.join("; ", disagreements));
                }
            } catch (RuntimeException e) {
                log.info("The tallies could not be checked at start: {}", e.getMessage());
            }
        });
    }

    /**
     * Compares a sample of each tally with the base tables: leads per status, deals per stage and
     * currency, handoffs per record type over every month. Returns what disagrees, empty when all agree.
     */
    public List<String> check() {
        List<String> differences = new ArrayList<>();
        compare("leads per status", "SELECT status, SUM(n) FROM lead_tally GROUP BY status",
                "SELECT status, COUNT(*) FROM leads GROUP BY status", differences);
        compare("deals per stage and currency",
                "SELECT CONCAT(stage, ' ', currency), SUM(n) FROM opportunity_tally GROUP BY stage, currency",
                "SELECT CONCAT(stage, ' ', currency), COUNT(*) FROM opportunity GROUP BY stage, currency", differences);
        for (Lifecycle lifecycle : stages.lifecycles()) {
            String handoff = lifecycle.sqlIn(s -> s.step() == FunnelStep.SQL);
            if (lifecycle.names(s -> s.step() == FunnelStep.SQL).isEmpty()) {
                continue;
            }
            compare(lifecycle.recordType() + " handoffs", "SELECT 'all', SUM(n) FROM stage_tally WHERE kind = "
                            + StageTally.Kind.HANDOFF.code + " AND owner_id = " + Tallies.EVERY_OWNER + " AND source = '"
                            + Tallies.EVERY_SOURCE + "' HAVING SUM(n) <> 0",
                    "SELECT 'all', COUNT(*) FROM stage_change WHERE record_type = '" + lifecycle.recordType()
                            + "' AND to_stage IN " + handoff + " HAVING COUNT(*) > 0", differences);
        }
        return differences;
    }

    private void compare(String what, String tallied, String counted, List<String> differences) {
        Map<String, Long> inTally = read(tallied);
        Map<String, Long> inBase = read(counted);
        if (!inTally.equals(inBase)) {
            differences.add(what + ": tallied " + inTally + ", stored " + inBase);
        }
    }

    private Map<String, Long> read(String sql) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql, rs -> {
            long n = rs.getLong(2);
            if (n != 0) {
                counts.put(Objects.requireNonNull(rs.getString(1)), n);
            }
        });
        return counts;
    }
}
