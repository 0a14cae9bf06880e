package app.funnel.base;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stage_tally table (see V10__stage_tally.sql): the history events the dashboard counts, per
 * month, owner and source, each counted under its owner and source and under "every owner" (0) and
 * "every source" (''). A record's events are a function of its history rows alone ({@link #events});
 * when its history changes, {@link StageChangeLog} takes the events of the old rows out and puts those
 * of the new rows in, in the same transaction. {@link #rebuild()} counts everything again in SQL,
 * after bulk loads; the two must agree, which the dashboard's correctness test checks.
 */
@Component
public class StageTally {

    /** What an event is. The numbers are stored. */
    public enum Kind {
        /** The record's first time at a funnel step: MQL or SQL (or later) for leads, a new deal. */
        REACHED(1),
        /** A stay in a working status or stage ended; the bucket holds its length. */
        STAY(2),
        /** A deal's last change closed it won. */
        WON(3),
        /** A deal's last change closed it lost; the stage holds the lost reason. */
        LOST(4),
        /** A lead handed over to sales (it became an SQL). */
        HANDOFF(5),
        /** An SQL returned to marketing (back to MQL); counted under the SQL's owner. */
        RETURNED(6),
        /** The first touch after a handoff; the bucket holds the time it took. From the leads table. */
        TOUCH(7);

        public final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    /** One counted event. A null source is a deal without a lead. */
    public record Event(Kind kind, int month, String stage, int bucket, long ownerId, @Nullable String source) {
    }

    /** A history row as the events read it. */
    record Row(long id, String to, Instant at, long ownerId, @Nullable String source,
               @Nullable String lostReason) {
    }

    /** Lead statuses and deal stages whose stays are counted (work in progress, not outcomes). */
    public static final List<String> WORKING = List.of("NEW", "MQL", "SQL", "QUALIFICATION", "PROPOSAL", "QUOTE",
            "NEGOTIATION");

    private static final Set<String> REACHES_MQL = Set.of("MQL", "SQL", "CONVERTED");
    private static final Set<String> REACHES_SQL = Set.of("SQL", "CONVERTED");
    private static final int SLOTS = 4;

    private final JdbcTemplate jdbc;
    private final CompanyZone zone;
    private final Settings settings;

    StageTally(JdbcTemplate jdbc, CompanyZone zone, Settings settings) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.settings = settings;
    }

    /**
     * The bucket of a duration: whole hours below 48, then whole days (in hours), up to 366 days
     * (a year or more).
     */
    public static int bucket(Duration length) {
        long hours = Math.max(0, length.toHours());
        return hours < 48 ? (int) hours : (int) Math.min(hours / 24, 366) * 24;
    }

    /** The month an event at this instant is counted in: the company's month, as yyyymm. */
    public int month(Instant at) {
        return zone.month(at);
    }

    /** The events of one record's history, its rows oldest first. */
    List<Event> events(String recordType, List<Row> rows) {
        List<Event> events = new ArrayList<>();
        if (rows.isEmpty()) {
            return events;
        }
        boolean lead = "LEAD".equals(recordType);
        if (lead) {
            reached(events, rows, REACHES_MQL, "MQL");
            reached(events, rows, REACHES_SQL, "SQL");
        } else {
            Row first = rows.getFirst();
            events.add(new Event(Kind.REACHED, month(first.at()), "OPPORTUNITY", 0, first.ownerId(), first.source()));
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (lead && "SQL".equals(row.to())) {
                events.add(new Event(Kind.HANDOFF, month(row.at()), "SQL", 0, row.ownerId(), row.source()));
            }
            if (i + 1 < rows.size()) {
                Row next = rows.get(i + 1);
                if (WORKING.contains(row.to())) {
                    events.add(new Event(Kind.STAY, month(next.at()), row.to(),
                            bucket(Duration.between(row.at(), next.at())), row.ownerId(), row.source()));
                }
                if (lead && "SQL".equals(row.to()) && "MQL".equals(next.to())) {
                    events.add(new Event(Kind.RETURNED, month(next.at()), "SQL", 0, row.ownerId(), row.source()));
                }
            }
        }
        Row last = rows.getLast();
        if (!lead && "CLOSED_WON".equals(last.to())) {
            events.add(new Event(Kind.WON, month(last.at()), "CLOSED_WON", 0, last.ownerId(), last.source()));
        } else if (!lead && "CLOSED_LOST".equals(last.to())) {
            events.add(new Event(Kind.LOST, month(last.at()), last.lostReason() == null ? "OTHER" : last.lostReason(),
                    0, last.ownerId(), last.source()));
        }
        return events;
    }

    private void reached(List<Event> events, List<Row> rows, Set<String> statuses, String step) {
        rows.stream().filter(r -> statuses.contains(r.to())).findFirst().ifPresent(r ->
                events.add(new Event(Kind.REACHED, month(r.at()), step, 0, r.ownerId(), r.source())));
    }

    /** A record's history rows as the events read them, oldest first. */
    List<Row> rows(String recordType, long recordId) {
        return jdbc.query("SELECT id, to_stage, changed_at, owner_id, source, lost_reason FROM stage_change "
                        + "WHERE record_type = ? AND record_id = ? ORDER BY changed_at, id",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), Utc.readRequired(rs, 3), rs.getLong(4),
                        rs.getString(5), rs.getString(6)), recordType, recordId);
    }

    /**
     * Counts events in (+1) or out (-1). Inside a transaction the counts are summed and written just
     * before it commits, in a fixed order (as for the lead tally); outside, at once.
     */
    public void add(Collection<Event> events, int delta) {
        if (events.isEmpty()) {
            return;
        }
        Pending pending = pending();
        for (Event e : events) {
            String source = e.source() == null ? "-" : e.source();
            pending.add(e, e.ownerId(), source, delta);
            pending.add(e, e.ownerId(), "", delta);
            pending.add(e, 0, source, delta);
            pending.add(e, 0, "", delta);
        }
        if (!pending.deferred) {
            pending.apply();
        }
    }

    /** Takes one set of events out and puts another in, counting only the difference. */
    public void replace(List<Event> before, List<Event> after) {
        Map<Event, Integer> diff = new java.util.HashMap<>();
        before.forEach(e -> diff.merge(e, -1, Integer::sum));
        after.forEach(e -> diff.merge(e, 1, Integer::sum));
        List<Event> in = new ArrayList<>();
        List<Event> out = new ArrayList<>();
        diff.forEach((e, n) -> {
            for (int k = 0; k < Math.abs(n); k++) {
                (n > 0 ? in : out).add(e);
            }
        });
        add(out, -1);
        add(in, 1);
    }

    private final class Pending implements TransactionSynchronization {
        private final TreeMap<String, Object[]> rows = new TreeMap<>();
        private final boolean deferred;
        private final int slot = java.util.concurrent.ThreadLocalRandom.current().nextInt(SLOTS);

        Pending(boolean deferred) {
            this.deferred = deferred;
        }

        void add(Event e, long owner, String source, int delta) {
            String key = owner + "|" + source + "|" + e.kind().code + "|" + e.month() + "|" + e.stage() + "|" + e.bucket();
            rows.merge(key, new Object[] {owner, source, e.kind().code, e.month(), e.stage(), e.bucket(), (long) delta},
                    (a, b) -> {
                        a[6] = (long) a[6] + (long) b[6];
                        return a;
                    });
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            apply();
        }

        /** After the lead tally's counts (see there). */
        @Override
        public int getOrder() {
            return 200;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(StageTally.this);
        }

        void apply() {
            List<Object[]> changed = rows.values().stream().filter(r -> (long) r[6] != 0).toList();
            rows.clear();
            for (int from = 0; from < changed.size(); from += 500) {
                List<Object[]> chunk = changed.subList(from, Math.min(changed.size(), from + 500));
                List<Object> args = new ArrayList<>();
                for (Object[] row : chunk) {
                    args.addAll(List.of(row));
                    args.add(slot);
                }
                jdbc.update("INSERT INTO stage_tally (owner_id, source, kind, month, stage, bucket, n, slot) VALUES "
                        + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"))
                        + " ON DUPLICATE KEY UPDATE n = n + VALUES(n)", args.toArray());
            }
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

    /** The bucket of an hours expression, in SQL: as {@link #bucket(Duration)}. */
    private static String bucketSql(String hours) {
        return "CASE WHEN " + hours + " < 48 THEN GREATEST(" + hours + ", 0) ELSE LEAST(FLOOR(" + hours
                + " / 24), 366) * 24 END";
    }

    /**
     * Every event, from the base tables in plain SQL (owner, source, kind, month, stage, bucket, n),
     * per owner and source: the history rows with window functions, and the leads for first touches.
     */
    private static final String EVENTS = """
            SELECT owner_id, source, kind, month, stage, bucket, COUNT(*) AS n FROM (
              SELECT owner_id, COALESCE(source, '-') AS source, 1 AS kind, %3$s AS month,
                     'MQL' AS stage, 0 AS bucket
              FROM (SELECT owner_id, source, changed_at,
                           ROW_NUMBER() OVER (PARTITION BY record_id ORDER BY changed_at, id) AS rn
                    FROM stage_change WHERE record_type = 'LEAD' AND to_stage IN ('MQL', 'SQL', 'CONVERTED')) m
              WHERE rn = 1
              UNION ALL
              SELECT owner_id, COALESCE(source, '-'), 1, %3$s, 'SQL', 0
              FROM (SELECT owner_id, source, changed_at,
                           ROW_NUMBER() OVER (PARTITION BY record_id ORDER BY changed_at, id) AS rn
                    FROM stage_change WHERE record_type = 'LEAD' AND to_stage IN ('SQL', 'CONVERTED')) s
              WHERE rn = 1
              UNION ALL
              SELECT owner_id, COALESCE(source, '-'), 1, %3$s, 'OPPORTUNITY', 0
              FROM (SELECT owner_id, source, changed_at,
                           ROW_NUMBER() OVER (PARTITION BY record_id ORDER BY changed_at, id) AS rn
                    FROM stage_change WHERE record_type = 'OPPORTUNITY') o
              WHERE rn = 1
              UNION ALL
              SELECT owner_id, COALESCE(source, '-'), 5, %3$s, 'SQL', 0
              FROM stage_change WHERE record_type = 'LEAD' AND to_stage = 'SQL'
              UNION ALL
              SELECT owner_id, COALESCE(source, '-'),
                     CASE WHEN next_at IS NOT NULL AND to_stage IN ('NEW', 'MQL', 'SQL', 'QUALIFICATION', 'PROPOSAL',
                                                              'QUOTE', 'NEGOTIATION') THEN 2
                          WHEN to_stage = 'CLOSED_WON' THEN 3 ELSE 4 END,
                     %4$s,
                     CASE WHEN to_stage = 'CLOSED_LOST' AND next_at IS NULL THEN COALESCE(lost_reason, 'OTHER')
                          ELSE to_stage END,
                     CASE WHEN next_at IS NULL THEN 0 ELSE %1$s END
              FROM h
              WHERE (next_at IS NOT NULL AND to_stage IN ('NEW', 'MQL', 'SQL', 'QUALIFICATION', 'PROPOSAL', 'QUOTE',
                                                         'NEGOTIATION'))
                 OR (next_at IS NULL AND record_type = 'OPPORTUNITY' AND to_stage IN ('CLOSED_WON', 'CLOSED_LOST'))
              UNION ALL
              SELECT owner_id, COALESCE(source, '-'), 6, %5$s, 'SQL', 0
              FROM h WHERE record_type = 'LEAD' AND to_stage = 'SQL' AND next_stage = 'MQL'
              UNION ALL
              SELECT owner_id, source, 7, %6$s, 'SQL', %2$s
              FROM leads WHERE handed_over_at IS NOT NULL AND first_touch_at IS NOT NULL
            ) e GROUP BY owner_id, source, kind, month, stage, bucket""";

    private static final String HISTORY = """
            WITH h AS (SELECT record_type, to_stage, changed_at, owner_id, source, lost_reason,
                              LEAD(changed_at) OVER w AS next_at, LEAD(to_stage) OVER w AS next_stage
                       FROM stage_change WINDOW w AS (PARTITION BY record_type, record_id ORDER BY changed_at, id))
            """;

    /** {@link #EVENTS} with the history rows it reads, its months in the company's zone. */
    public String eventsQuery() {
        return HISTORY + EVENTS.formatted(bucketSql("TIMESTAMPDIFF(HOUR, changed_at, next_at)"),
                bucketSql("TIMESTAMPDIFF(HOUR, handed_over_at, first_touch_at)"),
                zone.monthSql("changed_at"), zone.monthSql("COALESCE(next_at, changed_at)"), zone.monthSql("next_at"),
                zone.monthSql("handed_over_at"));
    }

    /**
     * Counts every event again from the base tables: after bulk loads, which write history rows
     * without counting them (rows without an owner are given the record's owner and source first).
     */
    public void rebuild() {
        attribute("LEAD", 0, Long.MAX_VALUE);
        attribute("OPPORTUNITY", 0, Long.MAX_VALUE);
        jdbc.update("DELETE FROM stage_tally");
        jdbc.update("INSERT INTO stage_tally (owner_id, source, kind, month, stage, bucket, n) " + countedQuery());
        settings.put(ZONE_SETTING, zone.id().getId());
    }

    /** The zone the table's months were counted in; tables counted before it was kept were counted in UTC. */
    private static final String ZONE_SETTING = "stage_tally.time_zone";

    /**
     * What the table must hold, from the base tables: {@link #eventsQuery()} under each owner and
     * every owner, each source and every source (owner_id, source, kind, month, stage, bucket, n).
     */
    public String countedQuery() {
        return "SELECT CASE WHEN r.k < 2 THEN e.owner_id ELSE 0 END AS owner_id, "
                + "CASE WHEN r.k IN (0, 2) THEN e.source ELSE '' END AS source, "
                + "e.kind, e.month, e.stage, e.bucket, SUM(e.n) AS n FROM (" + eventsQuery() + ") e "
                + "CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) r "
                + "GROUP BY 1, 2, 3, 4, 5, 6";
    }

    /**
     * At start, a database whose history was written before this table existed (V10) has its events
     * counted once. The demo data loader, which runs before, counts its own.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void countOnceAfterUpgrade() {
        boolean counted = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM stage_tally)",
                Boolean.class));
        boolean history = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM stage_change WHERE from_stage IS NOT NULL)", Boolean.class));
        if (history && (!counted || !zone.id().getId().equals(settings.get(ZONE_SETTING).orElse("UTC")))) {
            // never counted, or counted in another zone: FUNNEL_TIME_ZONE changed
            rebuild();
        } else if (!history) {
            settings.put(ZONE_SETTING, zone.id().getId());
        }
    }

    /**
     * Gives history rows written in bulk without an owner (imports, demo data) the record's owner and
     * source now, and a lost deal's row its lost reason.
     */
    public void attribute(String recordType, long fromId, long toId) {
        if ("LEAD".equals(recordType)) {
            jdbc.update("UPDATE stage_change s JOIN leads l ON l.id = s.record_id "
                    + "SET s.owner_id = l.owner_id, s.source = l.source "
                    + "WHERE s.record_type = 'LEAD' AND s.record_id BETWEEN ? AND ? AND s.owner_id IS NULL", fromId, toId);
        } else {
            jdbc.update("UPDATE stage_change s JOIN opportunity o ON o.id = s.record_id "
                    + "SET s.owner_id = o.owner_id, s.source = o.source, s.lost_reason = CASE WHEN s.to_stage = "
                    + "'CLOSED_LOST' THEN COALESCE(o.lost_reason, 'OTHER') END "
                    + "WHERE s.record_type = 'OPPORTUNITY' AND s.record_id BETWEEN ? AND ? AND s.owner_id IS NULL",
                    fromId, toId);
        }
    }
}
