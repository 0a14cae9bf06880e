package app.funnel.statistics;

import app.funnel.base.Utc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The stage_change table: the row every lead status and deal stage change leaves behind (from,
 * to, who, when, why, the definitions version checked, the owner and source then), written from
 * {@link StateChanged} and counted in the stage tally in the same transaction. Its readers are for
 * the lead and deal features, which check access before they call them.
 */
@Component
public class StageHistory {

    private final JdbcTemplate jdbc;
    private final StageTally tally;

    StageHistory(JdbcTemplate jdbc, StageTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /**
     * Writes the history row and counts the events it adds to the record's history: the events of
     * the history without it are taken out, those with it put in.
     */
    @EventListener
    void on(StateChanged change) {
        Lifecycle lifecycle = change.lifecycle();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        FunnelState from = change.from();
        Object[] values = {lifecycle.recordType(), change.recordId(), from == null ? null : from.name(),
                change.to().name(), change.by(), Utc.of(change.at()), change.reason(), change.definitionVersion(),
                change.amount(), change.probability(), change.ownerId(), change.source(),
                change.to().outcome() == FunnelState.Outcome.LOST ? change.lostReason() : null};
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO stage_change (record_type, record_id, from_stage, "
                    + "to_stage, changed_by, changed_at, reason, definition_version, amount, probability, owner_id, "
                    + "source, lost_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(values).setValues(statement);
            return statement;
        }, key);
        FunnelState to = change.to();
        if (from == null && countsNothingAlone(lifecycle, to)) {
            return; // a record's first row, in a state that counts nothing yet: a new lead (web capture posts many)
        }
        long writtenId = Objects.requireNonNull(key.getKey()).longValue();
        List<StageTally.Row> rows = tally.rows(lifecycle, change.recordId());
        tally.replace(tally.events(lifecycle, rows.stream().filter(r -> r.id() != writtenId).toList()),
                tally.events(lifecycle, rows));
    }

    /**
     * Whether a record's first history row in this state counts no event: below every step its
     * lifecycle counts, not a handoff, no outcome (and one row has no stay). A new lead's is so.
     */
    private static boolean countsNothingAlone(Lifecycle lifecycle, FunnelState state) {
        return lifecycle.countedSteps().stream().noneMatch(s -> state.step().atLeast(s))
                && state.step() != FunnelStep.SQL && state.outcome() == FunnelState.Outcome.NONE;
    }

    /** Gives one record's history to another, recounting both. */
    @EventListener
    void on(HistoryMoved move) {
        Lifecycle lifecycle = move.lifecycle();
        List<StageTally.Event> before = new ArrayList<>(tally.events(lifecycle, tally.rows(lifecycle, move.fromId())));
        before.addAll(tally.events(lifecycle, tally.rows(lifecycle, move.toId())));
        jdbc.update("UPDATE stage_change SET record_id = ? WHERE record_type = ? AND record_id = ?",
                move.toId(), lifecycle.recordType(), move.fromId());
        tally.replace(before, tally.events(lifecycle, tally.rows(lifecycle, move.toId())));
    }

    /** One row of a record's history. */
    public record Entry(@Nullable String from, String to, String by, Instant at, @Nullable String reason,
                        @Nullable Integer definitionVersion) {
    }

    /** A record's status or stage changes, oldest first. */
    public List<Entry> of(Lifecycle lifecycle, long recordId) {
        return jdbc.query("SELECT from_stage, to_stage, changed_by, changed_at, reason, definition_version "
                        + "FROM stage_change WHERE record_type = ? AND record_id = ? ORDER BY changed_at, id",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        Utc.readRequired(rs, 4), rs.getString(5),
                        rs.getObject(6) == null ? null : rs.getInt(6)), lifecycle.recordType(), recordId);
    }

    /** A change that brought a record back to an earlier step, to its owner then. */
    public record Return(long recordId, String by, Instant at, @Nullable String reason) {
    }

    /**
     * The records returned from the SQL step to the MQL step to this owner since the time, newest
     * first (sales returning leads to the marketing user who handed them over).
     */
    public List<Return> returnsTo(Lifecycle lifecycle, long ownerId, Instant since, int limit) {
        return jdbc.query("SELECT record_id, changed_by, changed_at, reason FROM stage_change WHERE record_type = ? "
                        + "AND to_stage IN " + lifecycle.sqlIn(s -> s.step() == FunnelStep.MQL) + " AND from_stage IN "
                        + lifecycle.sqlIn(s -> s.step() == FunnelStep.SQL) + " AND changed_at >= ? AND owner_id = ? "
                        + "ORDER BY changed_at DESC, id DESC LIMIT ?",
                (rs, i) -> new Return(rs.getLong(1), rs.getString(2), Utc.readRequired(rs, 3), rs.getString(4)),
                lifecycle.recordType(), Utc.of(since), ownerId, limit);
    }

    /** Who last moved the record into the given state. */
    public Optional<String> lastMovedInto(Lifecycle lifecycle, long recordId, FunnelState state) {
        return jdbc.queryForList("SELECT changed_by FROM stage_change WHERE record_type = ? AND record_id = ? "
                        + "AND to_stage = ? ORDER BY changed_at DESC, id DESC LIMIT 1", String.class,
                lifecycle.recordType(), recordId, state.name()).stream().findFirst();
    }

    /**
     * For bulk loads (an import): the first history row of many new records at once, in one state,
     * with each record's owner and source as stored. The state must count nothing yet (a new lead),
     * as {@link #on(StateChanged)} would count nothing for it.
     */
    public void loadFirst(Lifecycle lifecycle, List<Long> ids, FunnelState state, String by, java.time.LocalDateTime at,
                          int definitionVersion) {
        if (ids.isEmpty()) {
            return;
        }
        if (!countsNothingAlone(lifecycle, state)) {
            throw new IllegalArgumentException(state.name() + " counts an event: write it through StateChanged");
        }
        List<Object[]> rows = ids.stream().map(id -> new Object[] {lifecycle.recordType(), id, state.name(), by, at,
                definitionVersion}).toList();
        List<String> columns = List.of("record_type", "record_id", "to_stage", "changed_by", "changed_at",
                "definition_version");
        if (!app.funnel.base.BulkLoad.load(jdbc, "stage_change", columns, rows)) {
            for (int from = 0; from < rows.size(); from += 1000) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
                jdbc.update("INSERT INTO stage_change (" + String.join(", ", columns) + ") VALUES "
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)")),
                        chunk.stream().flatMap(java.util.Arrays::stream).toArray());
            }
        }
        tally.attribute(lifecycle, java.util.Collections.min(ids), java.util.Collections.max(ids));
    }

    /** Among these records, those whose history has more than its first row (they changed since). */
    public java.util.Set<Long> changedSinceFirst(Lifecycle lifecycle, List<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        String in = "(" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        Object[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of((Object) lifecycle.recordType()),
                ids.stream()).toArray();
        return new java.util.HashSet<>(jdbc.queryForList("SELECT record_id FROM stage_change WHERE record_type = ? "
                + "AND record_id IN " + in + " GROUP BY record_id HAVING COUNT(*) > 1", Long.class, args));
    }

    /**
     * For records being removed whose history is their first row alone (see {@link #changedSinceFirst}),
     * in a state that counts nothing: that row goes with them.
     */
    public void removeFirst(Lifecycle lifecycle, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String in = "(" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        Object[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of((Object) lifecycle.recordType()),
                ids.stream()).toArray();
        jdbc.update("DELETE FROM stage_change WHERE record_type = ? AND record_id IN " + in, args);
    }

    /**
     * For bulk loads: history rows written without owner (imports, demo data) for these records get
     * their owner and source now, before the tallies count them.
     */
    public void attribute(Lifecycle lifecycle, long fromId, long toId) {
        tally.attribute(lifecycle, fromId, toId);
    }
}
