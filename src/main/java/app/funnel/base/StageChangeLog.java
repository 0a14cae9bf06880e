package app.funnel.base;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the StageChange row that every lead status and opportunity stage change leaves behind
 * (from, to, who, when, why, the definitions version checked). Internal: the lead and opportunity
 * services call it inside their own transactions, after their own access checks.
 */
@Component
public class StageChangeLog {

    private final JdbcTemplate jdbc;
    private final StageTally tally;

    StageChangeLog(JdbcTemplate jdbc, StageTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /**
     * Writes a history row, with the record's owner and source as they are now (a deal's source is
     * its lead's, copied at conversion; the caller has written the record's change first) and a lost
     * deal's reason, and counts the events it adds to the record's history in the stage tally.
     */
    public void record(String recordType, long recordId, @Nullable String from, String to, String by, Instant at,
                       @Nullable String reason, @Nullable Integer definitionVersion, @Nullable BigDecimal amount,
                       @Nullable Integer probability) {
        String attribution = "LEAD".equals(recordType)
                ? "l.owner_id, l.source, NULL FROM leads l WHERE l.id = ?"
                : "o.owner_id, o.source, CASE WHEN o.stage = 'CLOSED_LOST' THEN o.lost_reason END "
                        + "FROM opportunity o WHERE o.id = ?";
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        Object[] values = {recordType, recordId, from, to, by, Utc.of(at), reason, definitionVersion, amount,
                probability, recordId};
        int written = jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO stage_change (record_type, record_id, from_stage, "
                    + "to_stage, changed_by, changed_at, reason, definition_version, amount, probability, owner_id, "
                    + "source, lost_reason) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + attribution,
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            new org.springframework.jdbc.core.ArgumentPreparedStatementSetter(values).setValues(statement);
            return statement;
        }, key);
        if (written != 1) {
            throw new IllegalStateException(recordType + " " + recordId + " is not stored");
        }
        if (from == null && "NEW".equals(to)) {
            return; // a new lead alone has no event yet (and web capture posts many)
        }
        // the history with the new row, and without it: the events to take out and to put in
        long writtenId = java.util.Objects.requireNonNull(key.getKey()).longValue();
        List<StageTally.Row> rows = tally.rows(recordType, recordId);
        tally.replace(tally.events(recordType, rows.stream().filter(r -> r.id() != writtenId).toList()),
                tally.events(recordType, rows));
    }

    /** One row of a record's history. */
    public record Entry(@Nullable String from, String to, String by, Instant at, @Nullable String reason,
                        @Nullable Integer definitionVersion) {
    }

    /** A record's status or stage changes, oldest first. */
    public java.util.List<Entry> of(String recordType, long recordId) {
        return jdbc.query("SELECT from_stage, to_stage, changed_by, changed_at, reason, definition_version "
                        + "FROM stage_change WHERE record_type = ? AND record_id = ? ORDER BY changed_at, id",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        Utc.readRequired(rs, 4), rs.getString(5),
                        rs.getObject(6) == null ? null : rs.getInt(6)), recordType, recordId);
    }

    /** Gives one record's history to another (when two records are merged into one). */
    public void moveHistory(String recordType, long fromId, long toId) {
        List<StageTally.Event> before = new java.util.ArrayList<>(
                tally.events(recordType, tally.rows(recordType, fromId)));
        before.addAll(tally.events(recordType, tally.rows(recordType, toId)));
        jdbc.update("UPDATE stage_change SET record_id = ? WHERE record_type = ? AND record_id = ?",
                toId, recordType, fromId);
        tally.replace(before, tally.events(recordType, tally.rows(recordType, toId)));
    }

    /** Who last moved the record into the given stage. */
    public Optional<String> lastMovedInto(String recordType, long recordId, String stage) {
        return jdbc.queryForList("SELECT changed_by FROM stage_change WHERE record_type = ? AND record_id = ? "
                        + "AND to_stage = ? ORDER BY changed_at DESC, id DESC LIMIT 1", String.class,
                recordType, recordId, stage).stream().findFirst();
    }
}
