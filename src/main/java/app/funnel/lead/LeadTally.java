package app.funnel.lead;

import app.funnel.base.StageTally;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lead_tally table: how many leads there are per created month, status, owner and source.
 * The grid's counts and the position of deep pages are read from it. {@link LeadService} keeps it
 * exact on every insert, status or owner or source change and delete, in the same transaction;
 * bulk loads call {@link #rebuild()} once at the end. Its {@link #version()} moves after each
 * committed change, so that cached readings of it know when they are stale.
 */
@Repository
class LeadTally {

    /** What a lead is counted under: in the tally, and in the name and company order tallies. */
    record Key(LeadStatus status, long ownerId, LeadSource source, FunnelStep reach, String lastName,
               @Nullable String company, java.time.@Nullable Instant handedOver, java.time.@Nullable Instant touched) {

        static Key of(Lead lead) {
            return new Key(lead.getStatus(), lead.getOwnerId(), lead.getSource(), lead.getReach(), lead.getLastName(),
                    lead.getCompany(), lead.getHandedOverAt(), lead.getFirstTouchAt());
        }

        boolean sameTally(Key other) {
            return status == other.status && ownerId == other.ownerId && source == other.source
                    && reach == other.reach;
        }
    }

    /** How many rows each tally count is spread over (see V8__tally_slots.sql); readers sum them. */
    static final int SLOTS = 16;

    /** The sort columns with an order tally. */
    static final List<String> ORDER_COLUMNS = List.of("last_name", "company");

    private final JdbcTemplate jdbc;
    private final StageTally stages;
    private final AtomicLong version = new AtomicLong();
    private final app.funnel.base.CompanyZone zone;
    private final app.funnel.base.Settings settings;

    LeadTally(JdbcTemplate jdbc, StageTally stages, app.funnel.base.CompanyZone zone,
              app.funnel.base.Settings settings) {
        this.jdbc = jdbc;
        this.stages = stages;
        this.zone = zone;
        this.settings = settings;
    }

    /**
     * Counts a stored lead in (+1) or out (-1) under the key; its month is read from the stored row.
     * Inside a transaction the counts are written just before it commits (see {@link Pending}).
     */
    void add(long leadId, Key key, int delta) {
        Pending pending = pending();
        pending.tally(month(leadId), key, delta);
        pending.order("last_name", key.lastName(), delta);
        pending.order("company", key.company(), delta);
        pending.applyUnlessDeferred();
        stages.add(touch(key), delta);
        changed();
    }

    /** Moves a lead from the key it was counted under to the one it has now, where they differ. */
    void moved(long leadId, Key before, Key now) {
        if (before.equals(now)) {
            return;
        }
        Pending pending = pending();
        if (!before.sameTally(now)) {
            int month = month(leadId);
            pending.tally(month, before, -1);
            pending.tally(month, now, 1);
        }
        if (!before.lastName().equals(now.lastName())) {
            pending.order("last_name", before.lastName(), -1);
            pending.order("last_name", now.lastName(), 1);
        }
        if (!java.util.Objects.equals(before.company(), now.company())) {
            pending.order("company", before.company(), -1);
            pending.order("company", now.company(), 1);
        }
        List<StageTally.Event> touchedBefore = touch(before);
        List<StageTally.Event> touchedNow = touch(now);
        if (!touchedBefore.equals(touchedNow)) {
            stages.replace(touchedBefore, touchedNow);
        }
        pending.applyUnlessDeferred();
        changed();
    }

    /** The first touch after the lead's last handoff, counted in the stage tally, if it was touched. */
    private List<StageTally.Event> touch(Key key) {
        if (key.handedOver() == null || key.touched() == null) {
            return List.of();
        }
        return List.of(new StageTally.Event(StageTally.Kind.TOUCH, stages.month(key.handedOver()),
                LeadStatus.SQL.name(), StageTally.bucket(java.time.Duration.between(key.handedOver(), key.touched())),
                key.ownerId(), key.source().name()));
    }

    /** The month a stored lead is counted in: its creation, in the company's zone. */
    private int month(long leadId) {
        java.time.LocalDateTime created = jdbc.queryForObject("SELECT created_at FROM leads WHERE id = ?",
                java.time.LocalDateTime.class, leadId);
        return zone.month(java.util.Objects.requireNonNull(app.funnel.base.Utc.instant(created)));
    }

    /**
     * The counts a transaction changes, summed per tally row and written just before it commits, in
     * a fixed order. Every new lead of a form adds to the same few rows: written early, their row
     * locks would be held through the rest of the transaction and make concurrent captures wait for
     * each other; written last they are held for an instant, and the fixed order avoids deadlocks.
     */
    private final class Pending implements TransactionSynchronization {
        private final java.util.TreeMap<String, Object[]> tally = new java.util.TreeMap<>();
        private final java.util.TreeMap<String, Object[]> order = new java.util.TreeMap<>();
        private final boolean deferred;
        /** One of the {@link #SLOTS} slots of each tally row this transaction adds to. */
        private final int slot = java.util.concurrent.ThreadLocalRandom.current().nextInt(SLOTS);

        Pending(boolean deferred) {
            this.deferred = deferred;
        }

        void tally(int month, Key key, int delta) {
            String id = month + "|" + key.status() + "|" + key.ownerId() + "|" + key.source() + "|" + key.reach();
            tally.merge(id, new Object[] {month, key.status().name(), key.ownerId(), key.source().name(),
                    key.reach().ordinal(), delta},
                    (a, b) -> new Object[] {a[0], a[1], a[2], a[3], a[4], (int) a[5] + (int) b[5]});
        }

        void order(String column, @Nullable String value, int delta) {
            String id = column + "|" + (value == null ? "" : "v" + value);
            order.merge(id, new Object[] {column, value, delta},
                    (a, b) -> new Object[] {a[0], a[1], (int) a[2] + (int) b[2]});
        }

        void applyUnlessDeferred() {
            if (!deferred) {
                apply();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            apply();
        }

        /** Before the stage tally's counts, in every transaction: one lock order, no deadlock between them. */
        @Override
        public int getOrder() {
            return 100;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(LeadTally.this);
        }

        private void apply() {
            for (Object[] row : tally.values()) {
                if ((int) row[5] != 0) {
                    jdbc.update("INSERT INTO lead_tally (created_month, status, owner_id, source, reach, n, slot) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)",
                            row[0], row[1], row[2], row[3], row[4], row[5], slot);
                }
            }
            for (Object[] row : order.values()) {
                if ((int) row[2] != 0) {
                    addToOrder((String) row[0], (String) row[1], (int) row[2], slot);
                }
            }
            tally.clear();
            order.clear();
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Pending(false);
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending(true);
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** The bucket is found by the database's own comparison with the bounds (no value: bucket 0). */
    private void addToOrder(String column, @Nullable String value, int delta, int slot) {
        jdbc.update("""
                INSERT INTO lead_order_tally (sort_column, bucket, n, slot)
                SELECT ?, COUNT(*), ?, ? FROM lead_order_bound WHERE sort_column = ? AND bound <= ?
                ON DUPLICATE KEY UPDATE n = n + VALUES(n)""", column, delta, slot, column, value);
    }

    /**
     * Counts many stored leads in (+1) or out (-1) at once, by what they are stored under now: a few
     * grouped statements per thousand leads, for imports and their undo.
     */
    void addAll(java.util.Collection<Long> leadIds, int delta) {
        List<Long> ids = List.copyOf(leadIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            String in = "(" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            Object[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of((Object) delta), chunk.stream())
                    .toArray();
            jdbc.update("INSERT INTO lead_tally (created_month, status, owner_id, source, reach, n) "
                    + "SELECT " + zone.monthSql("created_at") + ", status, owner_id, source, reach, ? * COUNT(*) FROM leads "
                    + "WHERE id IN " + in + " GROUP BY 1, 2, 3, 4, 5 ON DUPLICATE KEY UPDATE n = n + VALUES(n)", args);
            for (String column : ORDER_COLUMNS) {
                addToOrder(column, chunk, in, delta);
            }
        }
        changed();
    }

    /**
     * Counts many leads in or out of an order tally. The database sorts their values together with
     * the bucket bounds, in the column's own collation (a bound before an equal value), so that each
     * value follows the bound of its bucket: exactly what comparing each with the bounds gives, in
     * one sort instead of a subquery per lead.
     */
    private void addToOrder(String column, List<Long> ids, String in, int delta) {
        Object[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of((Object) column), ids.stream()).toArray();
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
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
        List<Object> values = new java.util.ArrayList<>();
        counts.forEach((k, n) -> {
            values.add(column);
            values.add(k);
            values.add((long) n * delta);
        });
        jdbc.update("INSERT INTO lead_order_tally (sort_column, bucket, n) VALUES "
                + String.join(", ", java.util.Collections.nCopies(counts.size(), "(?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE n = n + VALUES(n)", values.toArray());
    }

    /** The bounds of an order's buckets: bucket k starts at the k-th bound (k = 1..); bucket 0 before the first. */
    List<String> bounds(String column) {
        return jdbc.queryForList("SELECT bound FROM lead_order_bound WHERE sort_column = ? ORDER BY bucket",
                String.class, column);
    }

    /**
     * Sets every lead's reach from the history rows (the furthest lead status, and its deal's
     * furthest stage): after a bulk load that wrote leads and deals without it. Rebuild after.
     */
    void recomputeReach() {
        jdbc.update("""
                UPDATE leads l
                JOIN (SELECT record_id,
                             MAX(CASE to_stage WHEN 'MQL' THEN 1 WHEN 'SQL' THEN 2 WHEN 'CONVERTED' THEN 3 ELSE 0 END) AS r
                      FROM stage_change WHERE record_type = 'LEAD' GROUP BY record_id) h ON h.record_id = l.id
                SET l.reach = h.r""");
        jdbc.update("""
                UPDATE leads l
                JOIN (SELECT o.lead_id,
                             MAX(CASE s.to_stage WHEN 'QUOTE' THEN 4 WHEN 'NEGOTIATION' THEN 4 WHEN 'CLOSED_WON' THEN 5
                                 ELSE 3 END) AS r
                      FROM opportunity o JOIN stage_change s ON s.record_type = 'OPPORTUNITY' AND s.record_id = o.id
                      WHERE o.lead_id IS NOT NULL GROUP BY o.lead_id) h ON h.lead_id = l.id
                SET l.reach = GREATEST(l.reach, h.r)""");
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
        changed();
    }

    /** The zone the lead_tally's months were counted in; tallies counted before it was kept were counted in UTC. */
    private static final String ZONE_SETTING = "lead_tally.time_zone";

    /** At start: a tally counted in another zone (FUNNEL_TIME_ZONE changed, or an earlier build's UTC) is counted again. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void recountInTheCompanyZone() {
        if (!zone.id().getId().equals(settings.get(ZONE_SETTING).orElse("UTC"))) {
            rebuild();
        }
    }

    long version() {
        return version.get();
    }

    private void changed() {
        version.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // readers in other transactions see the change only after the commit: move again then
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    version.incrementAndGet();
                }
            });
        }
    }
}
