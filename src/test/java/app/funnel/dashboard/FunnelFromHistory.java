package app.funnel.dashboard;

import app.funnel.lead.LeadSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The funnel as the base tables say it, for tests and benchmarks: each lead of the cohort with the
 * furthest step its own and its deal's history rows reached (one plain GROUP BY), counted at that
 * step and every one before.
 */
public final class FunnelFromHistory {

    /** Each lead's furthest step (0 Lead .. 5 Won) from the history rows, as a column {@code r} of {@code leads l}. */
    public static final String REACH = """
            GREATEST(
                COALESCE((SELECT MAX(CASE s.to_stage WHEN 'MQL' THEN 1 WHEN 'SQL' THEN 2 WHEN 'CONVERTED' THEN 3
                          ELSE 0 END) FROM stage_change s WHERE s.record_type = 'LEAD' AND s.record_id = l.id), 0),
                COALESCE((SELECT MAX(CASE s.to_stage WHEN 'QUOTE' THEN 4 WHEN 'NEGOTIATION' THEN 4
                          WHEN 'CLOSED_WON' THEN 5 ELSE 3 END) FROM opportunity o JOIN stage_change s
                          ON s.record_type = 'OPPORTUNITY' AND s.record_id = o.id WHERE o.lead_id = l.id), 0)) AS r""";

    private FunnelFromHistory() {
    }

    /** How many leads created in the months (of the source and owner, if given) reached each step or a later one. */
    public static long[] counts(JdbcTemplate jdbc, app.funnel.base.CompanyZone zone, YearMonth from, YearMonth to,
                                @Nullable LeadSource source, @Nullable Long owner) {
        List<Object> args = new ArrayList<>(List.of(app.funnel.base.Utc.of(zone.startOf(from)),
                app.funnel.base.Utc.of(zone.startOf(to.plusMonths(1)))));
        String filters = "";
        if (source != null) {
            filters += " AND l.source = ?";
            args.add(source.name());
        }
        if (owner != null) {
            filters += " AND l.owner_id = ?";
            args.add(owner);
        }
        long[] atReach = new long[6];
        jdbc.query("SELECT " + REACH + ", COUNT(*) FROM leads l WHERE l.created_at >= ? AND l.created_at < ?" + filters
                + " GROUP BY r", rs -> {
                    atReach[rs.getInt(1)] = rs.getLong(2);
                }, args.toArray());
        return atLeast(atReach);
    }

    /** From the leads at each furthest step to the leads at each step or further. */
    public static long[] atLeast(long[] atReach) {
        long[] atLeast = new long[atReach.length];
        long running = 0;
        for (int k = atReach.length - 1; k >= 0; k--) {
            running += atReach[k];
            atLeast[k] = running;
        }
        return atLeast;
    }
}
