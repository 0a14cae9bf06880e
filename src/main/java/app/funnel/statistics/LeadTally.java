package app.funnel.statistics;

import app.funnel.base.CompanyZone;
import app.funnel.base.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lead_tally table (how many leads per created month, status, owner, source and furthest
 * step) and the lead_order_tally (how many per bucket of the name and company orders), kept from
 * {@link LeadChanged} and {@link LeadsCounted} in the transaction of every change, and counted
 * again by {@link #rebuild()} after bulk loads. The grid's counts, the position of deep pages and
 * the funnel are read from them ({@link LeadCounts}, {@link FunnelFigures}).
 */
@Component
class LeadTally {

    /** The sort columns with an order tally. */
    static final List<String> ORDER_COLUMNS = List.of("last_name", "company");

    private final JdbcTemplate jdbc;
    private final TallyWrites writes;
    private final StageTally stages;
    private final CompanyZone zone;
    private final Settings settings;

    LeadTally(JdbcTemplate jdbc, TallyWrites writes, StageTally stages, CompanyZone zone, Settings settings) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.stages = stages;
        this.zone = zone;
        this.settings = settings;
    }

    @EventListener
    void on(LeadChanged change) {
        LeadFacts before = change.before();
        LeadFacts after = change.after();
        if (before != null && after != null && before.equals(after)) {
            return;
        }
        if (before == null || after == null || !sameTally(before, after)) {
            tally(before, -1);
            tally(after, 1);
        }
        if (before == null || after == null || !before.lastName().equals(after.lastName())) {
            order("last_name", before == null ? null : before.lastName(), before != null, -1);
            order("last_name", after == null ? null : after.lastName(), after != null, 1);
        }
        if (before == null || after == null || !Objects.equals(before.company(), after.company())) {
            order("company", before == null ? null : before.company(), before != null, -1);
            order("company", after == null ? null : after.company(), after != null, 1);
        }
        stages.replace(touch(before), touch(after));
    }

    private static boolean sameTally(LeadFacts a, LeadFacts b) {
        return a.status().name().equals(b.status().name()) && a.ownerId() == b.ownerId()
                && a.source().equals(b.source()) && a.reach() == b.reach() && a.createdAt().equals(b.createdAt());
    }

    private void tally(@Nullable LeadFacts lead, int delta) {
        if (lead != null) {
            writes.add(TallyWrites.Table.LEAD_TALLY, List.of(zone.month(lead.createdAt()), lead.status().name(),
                    lead.ownerId(), Tallies.source(lead.source()), lead.reach().code), delta);
        }
    }

    private void order(String column, @Nullable String value, boolean counted, int delta) {
        if (counted) {
            writes.add(TallyWrites.Table.LEAD_ORDER_TALLY, Arrays.asList(column, value), delta);
        }
    }

    /** The first touch after the lead's last handoff, counted in the stage tally, if it was touched. */
    private List<StageTally.Event> touch(@Nullable LeadFacts lead) {
        if (lead == null || lead.handedOver() == null || lead.touched() == null) {
            return List.of();
        }
        return List.of(new StageTally.Event(StageTally.Kind.TOUCH, zone.month(lead.handedOver()),
                StageTally.HANDOFF_STAGE, StageTally.bucket(java.time.Duration.between(lead.handedOver(), lead.touched())),
                lead.ownerId(), lead.source()));
    }

    /**
     * Counts many stored leads in (+1) or out (-1) at once, by what they are stored under now: a few
     * grouped statements per thousand leads, for imports and their undo.
     */
    @EventListener
    void on(LeadsCounted leads) {
        List<Long> ids = leads.ids();
        int delta = leads.delta();
        int slot = TallyWrites.slot();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            String in = "(" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
            Object[] args = Stream.concat(Stream.of((Object) delta, slot), chunk.stream()).toArray();
            jdbc.update("INSERT INTO lead_tally (created_month, status, owner_id, source, reach, n, slot) "
                    + "SELECT " + zone.monthSql("created_at") + ", status, owner_id, source, reach, ? * COUNT(*), ? "
                    + "FROM leads WHERE id IN " + in + " GROUP BY 1, 2, 3, 4, 5 ON DUPLICATE KEY UPDATE n = n + VALUES(n)",
                    args);
            for (String column : ORDER_COLUMNS) {
                addToOrder(column, chunk, in, delta, slot);
            }
        }
        writes.changed(TallyWrites.Table.LEAD_TALLY);
        writes.changed(TallyWrites.Table.LEAD_ORDER_TALLY);
    }

    /**
     * Counts many leads in or out of an order tally. The database sorts their values together with
     * the bucket bounds, in the column's own collation (a bound before an equal value), so that each
     * value follows the bound of its bucket: exactly what comparing each with the bounds gives, in
     * one sort instead of a subquery per lead.
     */
    private void addToOrder(String column, List<Long> ids, String in, int delta, int slot) {
        Object[] args = Stream.concat(Stream.of((Object) column), ids.stream()).toArray();
        Map<Integer, Integer> counts = new TreeMap<>();
        int[] bucket = {0};
        jdbc.query("SELECT 1 AS kind, bucket, bound AS v FROM lead_order_bound WHERE sort_column = ? "
                + "UNION ALL SELECT 0, 0, " + column + " FROM leads WHERE id IN " + in + " ORDER BY v, kind DESC", rs -> {
            if (rs.getInt(1) == 1) {
                bucket[0] = rs.getInt(2);
            } else {
                counts.merge(rs.getString(3) == null ? 0 : bucket[0], 1, Integer::sum);
            }
        }, args);
        if (counts.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>();
        counts.forEach((k, n) -> {
            values.add(column);
            values.add(k);
            values.add((long) n * delta);
            values.add(slot);
        });
        jdbc.update("INSERT INTO lead_order_tally (sort_column, bucket, n, slot) VALUES "
                + String.join(", ", Collections.nCopies(counts.size(), "(?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE n = n + VALUES(n)", values.toArray());
    }

    /** The bounds of an order's buckets: bucket k starts at the k-th bound (k = 1..); bucket 0 before the first. */
    List<String> bounds(String column) {
        return jdbc.queryForList("SELECT bound FROM lead_order_bound WHERE sort_column = ? ORDER BY bucket",
                String.class, column);
    }

    /** Counts every lead again: after a bulk load that did not count as it went. */
    void rebuild() {
        jdbc.update("DELETE FROM lead_tally");
        jdbc.update("INSERT INTO lead_tally (created_month, status, owner_id, source, reach, n) SELECT "
                + zone.monthSql("created_at") + ", status, owner_id, source, reach, COUNT(*) FROM leads "
                + "GROUP BY 1, status, owner_id, source, reach");
        settings.put(ZONE_SETTING, zone.id().getId());
        jdbc.update("DELETE FROM lead_order_tally");
        for (String column : ORDER_COLUMNS) {
            // one index range count per bucket: a single pass over the column's index
            List<String> bounds = bounds(column);
            for (int k = 0; k <= bounds.size(); k++) {
                String where;
                Object[] args;
                if (k == 0) {
                    where = column + " IS NULL OR " + column + " < ?";
                    args = new Object[] {bounds.getFirst()};
                } else if (k < bounds.size()) {
                    where = column + " >= ? AND " + column + " < ?";
                    args = new Object[] {bounds.get(k - 1), bounds.get(k)};
                } else {
                    where = column + " >= ?";
                    args = new Object[] {bounds.getLast()};
                }
                Long n = jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE " + where, Long.class, args);
                if (n != null && n > 0) {
                    jdbc.update("INSERT INTO lead_order_tally (sort_column, bucket, n) VALUES (?, ?, ?)", column, k, n);
                }
            }
        }
        writes.changed(TallyWrites.Table.LEAD_TALLY);
        writes.changed(TallyWrites.Table.LEAD_ORDER_TALLY);
    }

    /** The zone the lead_tally's months were counted in; tallies counted before it was kept were counted in UTC. */
    static final String ZONE_SETTING = "lead_tally.time_zone";

    /** Whether the tally was counted in another zone (FUNNEL_TIME_ZONE changed, or an earlier build's UTC). */
    boolean countedInAnotherZone() {
        return !zone.id().getId().equals(settings.get(ZONE_SETTING).orElse("UTC"));
    }

    long version() {
        return writes.version(TallyWrites.Table.LEAD_TALLY) + writes.version(TallyWrites.Table.LEAD_ORDER_TALLY);
    }
}
