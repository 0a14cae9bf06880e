package app.funnel.statistics;

import app.funnel.base.CompanyZone;
import app.funnel.base.Utc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's sums over the tallies, typed: the funnel's leads per furthest step, the open
 * pipeline, and the history events (first arrivals, stays, wins, losses, handoffs, returns, first
 * touches) per month, stage and bucket. Each is a sum over a few hundred rows, whatever the number
 * of leads. For the dashboard, which checks access and decides whose figures are asked for.
 */
@Component
public class FunnelFigures {

    /** The history events the dashboard reads. */
    public enum Event {
        REACHED(StageTally.Kind.REACHED), STAY(StageTally.Kind.STAY), WON(StageTally.Kind.WON),
        LOST(StageTally.Kind.LOST), HANDOFF(StageTally.Kind.HANDOFF), RETURNED(StageTally.Kind.RETURNED),
        TOUCH(StageTally.Kind.TOUCH);

        final StageTally.Kind kind;

        Event(StageTally.Kind kind) {
            this.kind = kind;
        }

        static Event of(int code) {
            for (Event e : values()) {
                if (e.kind.code == code) {
                    return e;
                }
            }
            throw new IllegalArgumentException("No event has the code " + code);
        }
    }

    /**
     * A sum of events: of one kind, in a month (or 0 when summed over the months), at a stage (a
     * step reached, the state stayed in or closed in, a lost reason), in a bucket (hours, for stays
     * and touches), under an owner (or every owner when none was asked for).
     */
    public record Count(Event event, int month, String stage, int bucket, long ownerId, long n) {
    }

    /** One open-pipeline row: deals closing in a month in a currency. */
    public record Pipeline(YearMonth month, String currency, long deals, BigDecimal amount, BigDecimal weighted) {
    }

    /** A return to marketing: the lead, who returned it, when and why. */
    public record Return(long leadId, String by, Instant at, @Nullable String reason) {
    }

    private final JdbcTemplate jdbc;
    private final DealCounts deals;
    private final CompanyZone zone;

    FunnelFigures(JdbcTemplate jdbc, DealCounts deals, CompanyZone zone) {
        this.jdbc = jdbc;
        this.deals = deals;
        this.zone = zone;
    }

    /** Leads created in the months per furthest step reached (each lead once). */
    public Map<FunnelStep, Long> leadsByReach(YearMonth from, YearMonth to, @Nullable String source,
                                              @Nullable Long ownerId) {
        Map<FunnelStep, Long> counts = new EnumMap<>(FunnelStep.class);
        reach(false, from, to, source, ownerId, (step, s, n) -> counts.merge(step, n, Long::sum));
        return counts;
    }

    /** Leads created in the months per furthest step reached and source (each lead once). */
    public Map<FunnelStep, Map<String, Long>> leadsByReachAndSource(YearMonth from, YearMonth to,
                                                                    @Nullable Long ownerId) {
        Map<FunnelStep, Map<String, Long>> counts = new EnumMap<>(FunnelStep.class);
        reach(true, from, to, null, ownerId, (step, s, n) ->
                counts.computeIfAbsent(step, k -> new java.util.TreeMap<>()).merge(s, n, Long::sum));
        return counts;
    }

    private interface ReachRow {
        void accept(FunnelStep step, String source, long n);
    }

    private void reach(boolean bySource, YearMonth from, YearMonth to, @Nullable String source, @Nullable Long ownerId,
                       ReachRow row) {
        List<Object> args = new ArrayList<>(List.of(Tallies.month(from), Tallies.month(to)));
        String sourceColumn = bySource ? "source" : "''";
        StringBuilder sql = new StringBuilder("SELECT reach, " + sourceColumn
                + ", SUM(n) FROM lead_tally WHERE created_month BETWEEN ? AND ?");
        if (source != null) {
            sql.append(" AND source = ?");
            args.add(source);
        }
        if (ownerId != null) {
            sql.append(" AND owner_id = ?");
            args.add(ownerId);
        }
        sql.append(bySource ? " GROUP BY reach, source" : " GROUP BY reach");
        jdbc.query(sql.toString(), rs -> {
            row.accept(FunnelStep.of(rs.getInt(1)), rs.getString(2), rs.getLong(3));
        }, args.toArray());
    }

    /** The open deals (in working stages) closing in the months, per month and currency. */
    public List<Pipeline> pipeline(Lifecycle deals, YearMonth from, YearMonth to, @Nullable String source,
                                   @Nullable Long ownerId) {
        return this.deals.pipeline(new DealCounts.Filter(deals.names(FunnelState::working), ownerId, null, source,
                Tallies.month(from), Tallies.month(to)));
    }

    /**
     * Events of these kinds in the months, under the owner (every owner when null) and source (every
     * source when null), per month (or over the months, {@code byMonth} false), stage and bucket.
     */
    public List<Count> events(List<Event> kinds, boolean byMonth, YearMonth from, YearMonth to, @Nullable String source,
                              @Nullable Long ownerId) {
        String month = byMonth ? "month" : "0";
        String in = String.join(", ", kinds.stream().map(k -> String.valueOf(k.kind.code)).toList());
        long owner = ownerId == null ? Tallies.EVERY_OWNER : ownerId;
        return jdbc.query("SELECT kind, " + month + ", stage, bucket, SUM(n) FROM stage_tally WHERE owner_id = ? "
                        + "AND source = ? AND kind IN (" + in + ") AND month BETWEEN ? AND ? GROUP BY kind, "
                        + (byMonth ? "month, " : "") + "stage, bucket",
                (rs, i) -> new Count(Event.of(rs.getInt(1)), rs.getInt(2), rs.getString(3), rs.getInt(4), owner,
                        rs.getLong(5)),
                owner, source == null ? Tallies.EVERY_SOURCE : source, Tallies.month(from), Tallies.month(to));
    }

    /** Events of these kinds in the months per owner (each owner, never "every owner"), over the months. */
    public List<Count> eventsPerOwner(List<Event> kinds, YearMonth from, YearMonth to, @Nullable String source,
                                      @Nullable Long ownerId) {
        String in = String.join(", ", kinds.stream().map(k -> String.valueOf(k.kind.code)).toList());
        List<Object> args = new ArrayList<>(List.of(source == null ? Tallies.EVERY_SOURCE : source, Tallies.month(from),
                Tallies.month(to), Tallies.EVERY_OWNER));
        String oneOwner = "";
        if (ownerId != null) {
            oneOwner = " AND owner_id = ?";
            args.add(ownerId);
        }
        return jdbc.query("SELECT owner_id, kind, SUM(n) FROM stage_tally WHERE kind IN (" + in + ") AND source = ? "
                        + "AND month BETWEEN ? AND ? AND owner_id <> ?" + oneOwner + " GROUP BY owner_id, kind",
                (rs, i) -> new Count(Event.of(rs.getInt(2)), 0, "", 0, rs.getLong(1), rs.getLong(3)), args.toArray());
    }

    /**
     * The latest returns to marketing in the months (a state at the SQL step left for one at the
     * MQL step), newest first, read backwards from the period's end; by one user if asked.
     */
    public List<Return> latestReturns(Lifecycle leads, YearMonth from, YearMonth to, @Nullable String source,
                                      @Nullable String by, int limit) {
        List<Object> args = new ArrayList<>(List.of(Utc.of(zone.startOf(from)), Utc.of(zone.startOf(to.plusMonths(1)))));
        StringBuilder sql = new StringBuilder("SELECT record_id, changed_by, changed_at, reason FROM stage_change "
                + "WHERE record_type = '" + leads.recordType() + "' AND to_stage IN "
                + leads.sqlIn(s -> s.step() == FunnelStep.MQL) + " AND from_stage IN "
                + leads.sqlIn(s -> s.step() == FunnelStep.SQL) + " AND changed_at >= ? AND changed_at < ?");
        if (source != null) {
            sql.append(" AND source = ?");
            args.add(source);
        }
        if (by != null) {
            sql.append(" AND changed_by = ?");
            args.add(by);
        }
        sql.append(" ORDER BY changed_at DESC, id DESC LIMIT ").append(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new Return(rs.getLong(1), rs.getString(2), Utc.readRequired(rs, 3),
                rs.getString(4)), args.toArray());
    }
}
