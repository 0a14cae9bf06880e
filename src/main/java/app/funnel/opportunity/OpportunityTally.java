package app.funnel.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The opportunity_tally table: deals, total and weighted amount per stage, owner, currency, close
 * month and source (the deal's lead's, '' without one). {@link OpportunityService} keeps it exact in the transaction of every change;
 * bulk loads call {@link #rebuild()}.
 */
@Repository
class OpportunityTally {

    /** What a deal adds to the tally. */
    record Key(Stage stage, long ownerId, String currency, int closeMonth, BigDecimal amount, int probability,
               String source) {

        static Key of(Opportunity o) {
            LocalDate close = o.getExpectedClose();
            return new Key(o.getStage(), o.getOwnerId(), o.getCurrency(), close.getYear() * 100 + close.getMonthValue(),
                    o.getAmount(), o.getProbability(), o.getSource() == null ? "" : o.getSource().name());
        }

        BigDecimal weighted() {
            return amount.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 4,
                    RoundingMode.HALF_UP);
        }
    }

    private final JdbcTemplate jdbc;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    OpportunityTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves on every change (and again after its commit), so that cached readings know they are stale. */
    long version() {
        return version.get();
    }

    private void changed() {
        version.incrementAndGet();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            version.incrementAndGet();
                        }
                    });
        }
    }

    void add(Key key, int sign) {
        BigDecimal factor = BigDecimal.valueOf(sign);
        jdbc.update("""
                INSERT INTO opportunity_tally (stage, owner_id, currency, close_month, source, n, amount, weighted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE n = n + VALUES(n), amount = amount + VALUES(amount),
                                        weighted = weighted + VALUES(weighted)""",
                key.stage().name(), key.ownerId(), key.currency(), key.closeMonth(), key.source(), sign,
                key.amount().multiply(factor), key.weighted().multiply(factor));
        changed();
    }

    void moved(Key before, Key now) {
        if (!before.equals(now)) {
            add(before, -1);
            add(now, 1);
        }
    }

    void rebuild() {
        jdbc.update("DELETE FROM opportunity_tally");
        jdbc.update("""
                INSERT INTO opportunity_tally (stage, owner_id, currency, close_month, source, n, amount, weighted)
                SELECT stage, owner_id, currency, EXTRACT(YEAR_MONTH FROM expected_close), COALESCE(source, ''),
                       COUNT(*), SUM(amount), SUM(ROUND(amount * probability / 100, 4))
                FROM opportunity GROUP BY 1, 2, 3, 4, 5""");
        changed();
    }
}
