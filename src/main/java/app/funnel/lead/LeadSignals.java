package app.funnel.lead;

import app.funnel.base.Utc;
import java.time.LocalDateTime;
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
                Utc.of(at));
    }

    /** A web form's signal on a lead that existed before: kept, awaiting review. */
    void addForReview(long leadId, SignalKind kind, Instant at, String via) {
        jdbc.update("INSERT INTO lead_signal (lead_id, kind, occurred_at, via, review_pending) VALUES (?, ?, ?, ?, TRUE)",
                leadId, kind.name(), Utc.of(at), via.length() > 100 ? via.substring(0, 100) : via);
    }

    /** Keeps (clears the mark) or discards a signal awaiting review; false when there is no such signal. */
    boolean review(long leadId, long signalId, boolean keep) {
        return keep
                ? jdbc.update("UPDATE lead_signal SET review_pending = FALSE WHERE id = ? AND lead_id = ? AND review_pending",
                        signalId, leadId) == 1
                : jdbc.update("DELETE FROM lead_signal WHERE id = ? AND lead_id = ? AND review_pending", signalId, leadId) == 1;
    }

    void moveAll(long fromLeadId, long toLeadId) {
        jdbc.update("UPDATE lead_signal SET lead_id = ? WHERE lead_id = ?", toLeadId, fromLeadId);
    }

    List<Signal> of(long leadId) {
        return jdbc.query("SELECT id, kind, occurred_at, via, review_pending FROM lead_signal WHERE lead_id = ? "
                        + "ORDER BY occurred_at, id",
                (rs, i) -> new Signal(rs.getLong(1), SignalKind.valueOf(rs.getString(2)), Utc.readRequired(rs, 3),
                        rs.getString(4), rs.getBoolean(5)), leadId);
    }
}
