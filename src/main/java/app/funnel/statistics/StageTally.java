package app.funnel.statistics;

import app.funnel.base.CompanyZone;
import app.funnel.base.Settings;
import app.funnel.base.Utc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stage_tally table (see V10__stage_tally.sql): the history events the dashboard counts, per
 * month, owner and source, each counted under its owner and source and under every owner and every
 * source ({@link Tallies}). A record's events are a function of its history rows alone
 * ({@link #events}), derived from its states' facts ({@link FunnelState}); when its history
 * changes, {@link StageHistory} takes the events of the old rows out and puts those of the new rows
 * in, in the same transaction. {@link #rebuild()} counts everything again in SQL generated from the
 * same facts; the two must agree, which the dashboard's correctness test checks.
 */
@Component
class StageTally {

    /** What an event is. The numbers are stored. */
    enum Kind {
        /** The record's first time at a funnel step its lifecycle counts: MQL or SQL (or later) for leads, a new deal. */
        REACHED(1),
        /** A stay in a working status or stage ended; the bucket holds its length. */
        STAY(2),
        /** A deal's last change closed it won. */
        WON(3),
        /** A deal's last change closed it lost; the stage holds the lost reason. */
        LOST(4),
        /** A lead handed over to sales (it entered a state at the SQL step). */
        HANDOFF(5),
        /** An SQL returned to marketing (from the SQL step back to the MQL step); counted under the SQL's owner. */
        RETURNED(6),
        /** The first touch after a handoff; the bucket holds the time it took. From the leads table. */
        TOUCH(7);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    /** The stage column of handoff, return and touch events. */
    static final String HANDOFF_STAGE = FunnelStep.SQL.name();

    /** One counted event. A null source is a deal without a lead. */
    record Event(Kind kind, int month, String stage, int bucket, long ownerId, @Nullable String source) {
    }

    /** A history row as the events read it. */
    record Row(long id, String to, Instant at, long ownerId, @Nullable String source, @Nullable String lostReason) {
    }

    private final JdbcTemplate jdbc;
    private final TallyWrites writes;
    private final CompanyZone zone;
    private final Settings settings;
    private final List<Lifecycle> lifecycles;

    StageTally(JdbcTemplate jdbc, TallyWrites writes, CompanyZone zone, Settings settings, List<Lifecycle> lifecycles) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.zone = zone;
        this.settings = settings;
        this.lifecycles = lifecycles.stream().sorted(Comparator.comparing(Lifecycle::recordType)).toList();
    }

    List<Lifecycle> lifecycles() {
        return lifecycles;
    }

    /**
     * The bucket of a duration: whole hours below 48, then whole days (in hours), up to 366 days
     * (a year or more).
     */
    static int bucket(Duration length) {
        long hours = Math.max(0, length.toHours());
        return hours < 48 ? (int) hours : (int) Math.min(hours / 24, 366) * 24;
    }

    /** The events of one record's history, its rows oldest first. */
    List<Event> events(Lifecycle lifecycle, List<Row> rows) {
        List<Event> events = new ArrayList<>();
        if (rows.isEmpty()) {
            return events;
        }
        List<FunnelState> states = rows.stream().map(r -> lifecycle.state(r.to()).orElseThrow(() ->
                new IllegalStateException(lifecycle.recordType() + " has no state " + r.to()))).toList();
        for (FunnelStep step : lifecycle.countedSteps().stream().sorted().toList()) {
            for (int i = 0; i < rows.size(); i++) {
                if (states.get(i).step().atLeast(step)) {
                    events.add(event(Kind.REACHED, rows.get(i).at(), step.name(), 0, rows.get(i)));
                    break;
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            FunnelState state = states.get(i);
            if (state.step() == FunnelStep.SQL) {
                events.add(event(Kind.HANDOFF, row.at(), HANDOFF_STAGE, 0, row));
            }
            if (i + 1 < rows.size()) {
                Row next = rows.get(i + 1);
                if (state.working()) {
                    events.add(event(Kind.STAY, next.at(), row.to(), bucket(Duration.between(row.at(), next.at())), row));
                }
                if (state.step() == FunnelStep.SQL && states.get(i + 1).step() == FunnelStep.MQL) {
                    events.add(event(Kind.RETURNED, next.at(), HANDOFF_STAGE, 0, row));
                }
            }
        }
        Row last = rows.getLast();
        switch (states.getLast().outcome()) {
            case WON -> events.add(event(Kind.WON, last.at(), last.to(), 0, last));
            case LOST -> events.add(event(Kind.LOST, last.at(), last.lostReason() == null ? "OTHER" : last.lostReason(),
                    0, last));
            case NONE -> {
            }
        }
        return events;
    }

    private Event event(Kind kind, Instant at, String stage, int bucket, Row row) {
        return new Event(kind, zone.month(at), stage, bucket, row.ownerId(), row.source());
    }

    /** A record's history rows as the events read them, oldest first. */
    List<Row> rows(Lifecycle lifecycle, long recordId) {
        return jdbc.query("SELECT id, to_stage, changed_at, owner_id, source, lost_reason FROM stage_change "
                        + "WHERE record_type = ? AND record_id = ? ORDER BY changed_at, id",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), Utc.readRequired(rs, 3), rs.getLong(4),
                        rs.getString(5), rs.getString(6)), lifecycle.recordType(), recordId);
    }

    /** Counts events in (+1) or out (-1), under their owner and source and every owner and every source. */
    void add(Collection<Event> events, int delta) {
        for (Event e : events) {
            String source = Tallies.source(e.source());
            add(e, e.ownerId(), source, delta);
            add(e, e.ownerId(), Tallies.EVERY_SOURCE, delta);
            add(e, Tallies.EVERY_OWNER, source, delta);
            add(e, Tallies.EVERY_OWNER, Tallies.EVERY_SOURCE, delta);
        }
    }

    private void add(Event e, long owner, String source, int delta) {
        writes.add(TallyWrites.Table.STAGE_TALLY, List.of(owner, source, e.kind().code, e.month(), e.stage(), e.bucket()),
                delta);
    }

    /** Takes one set of events out and puts another in, counting only the difference. */
    void replace(List<Event> before, List<Event> after) {
        if (before.equals(after)) {
            return;
        }
        Map<Event, Integer> diff = new HashMap<>();
        before.forEach(e -> diff.merge(e, -1, Integer::sum));
        after.forEach(e -> diff.merge(e, 1, Integer::sum));
        diff.forEach((e, n) -> {
            if (n != 0) {
                add(e, e.ownerId(), Tallies.source(e.source()), n);
                add(e, e.ownerId(), Tallies.EVERY_SOURCE, n);
                add(e, Tallies.EVERY_OWNER, Tallies.source(e.source()), n);
                add(e, Tallies.EVERY_OWNER, Tallies.EVERY_SOURCE, n);
            }
        });
    }

    /** The bucket of an hours expression, in SQL: as {@link #bucket(Duration)}. */
    private static String bucketSql(String hours) {
        return "CASE WHEN " + hours + " < 48 THEN GREATEST(" + hours + ", 0) ELSE LEAST(FLOOR(" + hours
                + " / 24), 366) * 24 END";
    }

    /** Rows of any lifecycle whose state is so: {@code (record_type = 'X' AND to_stage IN (...)) OR ...}. */
    private String where(String column, Predicate<FunnelState> which) {
        List<String> any = new ArrayList<>();
        for (Lifecycle lifecycle : lifecycles) {
            if (!lifecycle.names(which).isEmpty()) {
                any.add("(record_type = '" + lifecycle.recordType() + "' AND " + column + " IN "
                        + lifecycle.sqlIn(which) + ")");
            }
        }
        return any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")";
    }

    private static final String HISTORY = """
            WITH h AS (SELECT record_type, to_stage, changed_at, owner_id, source, lost_reason,
                              LEAD(changed_at) OVER w AS next_at, LEAD(to_stage) OVER w AS next_stage
                       FROM stage_change WINDOW w AS (PARTITION BY record_type, record_id ORDER BY changed_at, id))
            """;

    /**
     * Every event, from the base tables in plain SQL (owner_id, source, kind, month, stage, bucket,
     * n), per owner and source: the history rows with window functions, and the leads for first
     * touches; the state lists generated from the lifecycles' facts, as {@link #events} reads them.
     */
    String eventsQuery() {
        String noSource = "COALESCE(source, '" + Tallies.NO_SOURCE + "')";
        List<String> parts = new ArrayList<>();
        for (Lifecycle lifecycle : lifecycles) {
            for (FunnelStep step : lifecycle.countedSteps().stream().sorted().toList()) {
                parts.add("SELECT owner_id, " + noSource + " AS source, " + Kind.REACHED.code + " AS kind, "
                        + zone.monthSql("changed_at") + " AS month, '" + step.name() + "' AS stage, 0 AS bucket "
                        + "FROM (SELECT owner_id, source, changed_at, "
                        + "ROW_NUMBER() OVER (PARTITION BY record_id ORDER BY changed_at, id) AS rn FROM stage_change "
                        + "WHERE record_type = '" + lifecycle.recordType() + "' AND to_stage IN "
                        + lifecycle.sqlIn(s -> s.step().atLeast(step)) + ") r WHERE rn = 1");
            }
        }
        Predicate<FunnelState> handoff = s -> s.step() == FunnelStep.SQL;
        parts.add("SELECT owner_id, " + noSource + ", " + Kind.HANDOFF.code + ", " + zone.monthSql("changed_at") + ", '"
                + HANDOFF_STAGE + "', 0 FROM stage_change WHERE " + where("to_stage", handoff));
        Predicate<FunnelState> won = s -> s.outcome() == FunnelState.Outcome.WON;
        Predicate<FunnelState> lost = s -> s.outcome() == FunnelState.Outcome.LOST;
        parts.add("SELECT owner_id, " + noSource + ", CASE WHEN next_at IS NOT NULL THEN " + Kind.STAY.code
                + " WHEN " + where("to_stage", won) + " THEN " + Kind.WON.code + " ELSE " + Kind.LOST.code + " END, "
                + zone.monthSql("COALESCE(next_at, changed_at)") + ", "
                + "CASE WHEN next_at IS NULL AND " + where("to_stage", lost) + " THEN COALESCE(lost_reason, 'OTHER') "
                + "ELSE to_stage END, "
                + "CASE WHEN next_at IS NULL THEN 0 ELSE " + bucketSql("TIMESTAMPDIFF(HOUR, changed_at, next_at)") + " END "
                + "FROM h WHERE (next_at IS NOT NULL AND " + where("to_stage", FunnelState::working) + ") "
                + "OR (next_at IS NULL AND (" + where("to_stage", won) + " OR " + where("to_stage", lost) + "))");
        List<String> returns = new ArrayList<>();
        for (Lifecycle lifecycle : lifecycles) {
            if (!lifecycle.names(handoff).isEmpty()) {
                returns.add("(record_type = '" + lifecycle.recordType() + "' AND to_stage IN "
                        + lifecycle.sqlIn(handoff) + " AND next_stage IN "
                        + lifecycle.sqlIn(s -> s.step() == FunnelStep.MQL) + ")");
            }
        }
        if (!returns.isEmpty()) {
            parts.add("SELECT owner_id, " + noSource + ", " + Kind.RETURNED.code + ", " + zone.monthSql("next_at")
                    + ", '" + HANDOFF_STAGE + "', 0 FROM h WHERE " + String.join(" OR ", returns));
        }
        parts.add("SELECT owner_id, source, " + Kind.TOUCH.code + ", " + zone.monthSql("handed_over_at") + ", '"
                + HANDOFF_STAGE + "', " + bucketSql("TIMESTAMPDIFF(HOUR, handed_over_at, first_touch_at)")
                + " FROM leads WHERE handed_over_at IS NOT NULL AND first_touch_at IS NOT NULL");
        return HISTORY + "SELECT owner_id, source, kind, month, stage, bucket, COUNT(*) AS n FROM ("
                + String.join("\nUNION ALL\n", parts) + ") e GROUP BY owner_id, source, kind, month, stage, bucket";
    }

    /**
     * What the table must hold, from the base tables: {@link #eventsQuery()} under each owner and
     * every owner, each source and every source (owner_id, source, kind, month, stage, bucket, n).
     */
    String countedQuery() {
        return "SELECT CASE WHEN r.k < 2 THEN e.owner_id ELSE " + Tallies.EVERY_OWNER + " END AS owner_id, "
                + "CASE WHEN r.k IN (0, 2) THEN e.source ELSE '" + Tallies.EVERY_SOURCE + "' END AS source, "
                + "e.kind, e.month, e.stage, e.bucket, SUM(e.n) AS n FROM (" + eventsQuery() + ") e "
                + "CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) r "
                + "GROUP BY 1, 2, 3, 4, 5, 6";
    }

    /**
     * Counts every event again from the base tables: after bulk loads, which write history rows
     * without counting them (rows without an owner are given the record's owner and source first).
     */
    void rebuild() {
        lifecycles.forEach(l -> attribute(l, 0, Long.MAX_VALUE));
        jdbc.update("DELETE FROM stage_tally");
        jdbc.update("INSERT INTO stage_tally (owner_id, source, kind, month, stage, bucket, n) " + countedQuery());
        settings.put(ZONE_SETTING, zone.id().getId());
        writes.changed(TallyWrites.Table.STAGE_TALLY);
    }

    /**
     * Counts the events of one kind again from the base tables, leaving the others as they are: for a
     * new kind of event, or one whose rule changed, back-filled without a hand-written migration.
     */
    void rebuild(Kind kind) {
        jdbc.update("DELETE FROM stage_tally WHERE kind = ?", kind.code);
        jdbc.update("INSERT INTO stage_tally (owner_id, source, kind, month, stage, bucket, n) SELECT * FROM ("
                + countedQuery() + ") c WHERE c.kind = " + kind.code);
        writes.changed(TallyWrites.Table.STAGE_TALLY);
    }

    /** The zone the table's months were counted in; tables counted before it was kept were counted in UTC. */
    static final String ZONE_SETTING = "stage_tally.time_zone";

    /** Records that the table's months are the company zone's (an empty history is counted in any zone). */
    void countedInTheCompanyZone() {
        settings.put(ZONE_SETTING, zone.id().getId());
    }

    /** Whether the table was counted in another zone than the company's (FUNNEL_TIME_ZONE changed). */
    boolean countedInAnotherZone() {
        return !zone.id().getId().equals(settings.get(ZONE_SETTING).orElse("UTC"));
    }

    /**
     * Gives history rows written in bulk without an owner (imports, demo data) the record's owner and
     * source now, and a lost deal's row its lost reason.
     */
    void attribute(Lifecycle lifecycle, long fromId, long toId) {
        String lost = lifecycle.sqlIn(s -> s.outcome() == FunnelState.Outcome.LOST);
        String table = switch (lifecycle.recordType()) {
            case "LEAD" -> "leads";
            case "OPPORTUNITY" -> "opportunity";
            default -> throw new IllegalArgumentException("No records of type " + lifecycle.recordType());
        };
        String lostReason = "OPPORTUNITY".equals(lifecycle.recordType())
                ? ", s.lost_reason = CASE WHEN s.to_stage IN " + lost + " THEN COALESCE(r.lost_reason, 'OTHER') END" : "";
        jdbc.update("UPDATE stage_change s JOIN " + table + " r ON r.id = s.record_id "
                + "SET s.owner_id = r.owner_id, s.source = r.source" + lostReason + " "
                + "WHERE s.record_type = ? AND s.record_id BETWEEN ? AND ? AND s.owner_id IS NULL",
                lifecycle.recordType(), fromId, toId);
    }

    /** Which kinds there are, for the check at start. */
    static String kindsSql() {
        return java.util.Arrays.stream(Kind.values()).map(k -> String.valueOf(k.code)).collect(Collectors.joining(", "));
    }
}
