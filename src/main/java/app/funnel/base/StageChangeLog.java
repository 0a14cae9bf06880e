package app.funnel.base;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
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

    StageChangeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String recordType, long recordId, @Nullable String from, String to, String by, Instant at,
                       @Nullable String reason, @Nullable Integer definitionVersion, @Nullable BigDecimal amount,
                       @Nullable Integer probability) {
        jdbc.update("INSERT INTO stage_change (record_type, record_id, from_stage, to_stage, changed_by, changed_at, "
                        + "reason, definition_version, amount, probability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                recordType, recordId, from, to, by, Timestamp.from(at), reason, definitionVersion, amount, probability);
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
                        rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getObject(6) == null ? null : rs.getInt(6)), recordType, recordId);
    }

    /** Gives one record's history to another (when two records are merged into one). */
    public void moveHistory(String recordType, long fromId, long toId) {
        jdbc.update("UPDATE stage_change SET record_id = ? WHERE record_type = ? AND record_id = ?",
                toId, recordType, fromId);
    }

    /** Who last moved the record into the given stage. */
    public Optional<String> lastMovedInto(String recordType, long recordId, String stage) {
        return jdbc.queryForList("SELECT changed_by FROM stage_change WHERE record_type = ? AND record_id = ? "
                        + "AND to_stage = ? ORDER BY changed_at DESC, id DESC LIMIT 1", String.class,
                recordType, recordId, stage).stream().findFirst();
    }
}
