package app.funnel.lead;

import java.util.concurrent.atomic.AtomicLong;
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

    /** What a lead is counted under. */
    record Key(LeadStatus status, long ownerId, LeadSource source) {

        static Key of(Lead lead) {
            return new Key(lead.getStatus(), lead.getOwnerId(), lead.getSource());
        }
    }

    private final JdbcTemplate jdbc;
    private final AtomicLong version = new AtomicLong();

    LeadTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a stored lead in (+1) or out (-1) under the key; its month is read from the stored row. */
    void add(long leadId, Key key, int delta) {
        jdbc.update("""
                INSERT INTO lead_tally (created_month, status, owner_id, source, n)
                SELECT EXTRACT(YEAR_MONTH FROM created_at), ?, ?, ?, ? FROM leads WHERE id = ?
                ON DUPLICATE KEY UPDATE n = n + VALUES(n)""",
                key.status().name(), key.ownerId(), key.source().name(), delta, leadId);
        changed();
    }

    /** Moves a lead from the key it was counted under to the one it has now, when they differ. */
    void moved(long leadId, Key before, Key now) {
        if (!before.equals(now)) {
            add(leadId, before, -1);
            add(leadId, now, 1);
        }
    }

    /** Counts every lead again: after a bulk load that did not count as it went. */
    void rebuild() {
        jdbc.update("DELETE FROM lead_tally");
        jdbc.update("""
                INSERT INTO lead_tally (created_month, status, owner_id, source, n)
                SELECT EXTRACT(YEAR_MONTH FROM created_at), status, owner_id, source, COUNT(*)
                FROM leads GROUP BY EXTRACT(YEAR_MONTH FROM created_at), status, owner_id, source""");
        changed();
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
