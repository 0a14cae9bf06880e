package app.funnel.lead;

import app.funnel.base.BulkScope;
import app.funnel.base.Utc;
import java.util.ArrayList;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The lead_field_change table: every field and owner change of a lead with who and when. */
@Repository
class LeadFieldLog {

    private static final int MAX = 1000;
    private static final String INSERT = "INSERT INTO lead_field_change (lead_id, field, old_value, new_value, changed_by, "
            + "changed_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    LeadFieldLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the change when the value really changed; long texts are kept up to 1,000 characters. */
    void record(long leadId, String field, @Nullable Object oldValue, @Nullable Object newValue, String by, Instant at) {
        String before = text(oldValue);
        String after = text(newValue);
        if (Objects.equals(before, after)) {
            return;
        }
        Object[] row = {leadId, field, before, after, by, Utc.of(at)};
        if (BulkScope.active() && TransactionSynchronizationManager.isSynchronizationActive()) {
            // a bulk action writes its rows' history in one batch when the chunk commits, not a round trip per row
            pending().add(row);
            return;
        }
        jdbc.update(INSERT, row);
    }

    /** The rows recorded in this transaction and not yet written; written before it commits, dropped if it rolls back. */
    @SuppressWarnings("unchecked")
    private List<Object[]> pending() {
        List<Object[]> rows = (List<Object[]>) TransactionSynchronizationManager.getResource(this);
        if (rows == null) {
            List<Object[]> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    writePending();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LeadFieldLog.this);
                }
            });
            rows = fresh;
        }
        return rows;
    }

    /** Writes what this transaction recorded so far (before anything reads the table in it). */
    @SuppressWarnings("unchecked")
    private void writePending() {
        List<Object[]> rows = (List<Object[]>) TransactionSynchronizationManager.getResource(this);
        if (rows != null && !rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
            rows.clear();
        }
    }

    List<FieldChange> of(long leadId) {
        writePending();
        return jdbc.query("SELECT field, old_value, new_value, changed_by, changed_at FROM lead_field_change "
                        + "WHERE lead_id = ? ORDER BY changed_at, id",
                (rs, i) -> new FieldChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Utc.readRequired(rs, 5)), leadId);
    }

    void moveAll(long fromLeadId, long toLeadId) {
        writePending();
        jdbc.update("UPDATE lead_field_change SET lead_id = ? WHERE lead_id = ?", toLeadId, fromLeadId);
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
    }
}
