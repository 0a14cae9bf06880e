package app.funnel.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A lead's interest signals in the {@code lead_signal} table. */
@Repository
class LeadSignals {

    private final JdbcTemplate jdbc;

    LeadSignals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(long leadId, SignalKind kind, Instant at) {
        jdbc.update("INSERT INTO lead_signal (lead_id, kind, occurred_at) VALUES (?, ?, ?)", leadId, kind.name(),
                Timestamp.from(at));
    }

    void moveAll(long fromLeadId, long toLeadId) {
        jdbc.update("UPDATE lead_signal SET lead_id = ? WHERE lead_id = ?", toLeadId, fromLeadId);
    }

    List<Signal> of(long leadId) {
        return jdbc.query("SELECT kind, occurred_at FROM lead_signal WHERE lead_id = ? ORDER BY occurred_at, id",
                (rs, i) -> new Signal(SignalKind.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant()), leadId);
    }
}
