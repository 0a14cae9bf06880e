package app.funnel.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way every tally is written. Inside a transaction the counts it changes are summed per
 * tally row and written just before it commits, table by table in {@link Table} order and within a
 * table in key order: one lock order for every transaction, so that two never deadlock on the
 * tallies, and row locks held for an instant only (every new lead of a web form adds to the same
 * few rows; written early, their locks would make concurrent captures wait for each other). Each
 * transaction adds to one of {@link #SLOTS} slots of a row, chosen at random, and readers sum the
 * slots (V8, V15). Outside a transaction the counts are written at once.
 */
@Component
class TallyWrites {

    /** How many rows each tally count is spread over; readers sum them. */
    static final int SLOTS = 16;

    /** The tally tables, in the order a transaction writes, and so locks, them. */
    enum Table {
        /** created_month, status, owner_id, source, reach; n */
        LEAD_TALLY,
        /** sort_column, value (its bucket is found from the bounds); n */
        LEAD_ORDER_TALLY,
        /** stage, owner_id, currency, close_month, source; n, amount, weighted */
        OPPORTUNITY_TALLY,
        /** owner_id, source, kind, month, stage, bucket; n */
        STAGE_TALLY
    }

    private final JdbcTemplate jdbc;
    private final Map<Table, AtomicLong> versions = new EnumMap<>(Table.class);

    TallyWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        for (Table table : Table.values()) {
            versions.put(table, new AtomicLong());
        }
    }

    /** Adds n (and amounts) to the row of the table with these key columns. */
    void add(Table table, List<@Nullable Object> key, long n, BigDecimal... amounts) {
        Pending pending = pending();
        pending.add(table, key, n, amounts);
        if (!pending.deferred) {
            pending.apply();
        }
        changed(table);
    }

    /**
     * Moves on with every change of the table (and again after the change's transaction ends), so
     * that readings cached against it know when they are stale.
     */
    long version(Table table) {
        return versions.get(table).get();
    }

    /** A change written outside these pending writes (a rebuild, a grouped bulk statement). */
    void changed(Table table) {
        versions.get(table).incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // readers in other transactions see the change only after the commit: move again then
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    versions.get(table).incrementAndGet();
                }
            });
        }
    }

    /** One slot for the rows this transaction writes outside the pending writes. */
    static int slot() {
        return ThreadLocalRandom.current().nextInt(SLOTS);
    }

    private static final class Row {
        final List<@Nullable Object> key;
        long n;
        final BigDecimal[] amounts;

        Row(List<@Nullable Object> key, long n, BigDecimal[] amounts) {
            this.key = key;
            this.n = n;
            this.amounts = amounts.clone();
        }

        void add(long more, BigDecimal[] moreAmounts) {
            n += more;
            for (int i = 0; i < amounts.length; i++) {
                amounts[i] = amounts[i].add(moreAmounts[i]);
            }
        }

        boolean zero() {
            for (BigDecimal amount : amounts) {
                if (amount.signum() != 0) {
                    return false;
                }
            }
            return n == 0;
        }
    }

    private final class Pending implements TransactionSynchronization {
        private final Map<Table, TreeMap<String, Row>> rows = new EnumMap<>(Table.class);
        private final boolean deferred;
        private final int slot = slot();

        Pending(boolean deferred) {
            this.deferred = deferred;
        }

        void add(Table table, List<@Nullable Object> key, long n, BigDecimal[] amounts) {
            String id = String.join("|", key.stream().map(k -> k == null ? "\u0000" : "v" + k).toList());
            rows.computeIfAbsent(table, t -> new TreeMap<>()).merge(id, new Row(key, n, amounts), (a, b) -> {
                a.add(b.n, b.amounts);
                return a;
            });
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            apply();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TallyWrites.this);
        }

        void apply() {
            // EnumMap iterates in declaration order: the lock order
            rows.forEach((table, byKey) -> {
                List<Row> changed = byKey.values().stream().filter(r -> !r.zero()).toList();
                if (!changed.isEmpty()) {
                    write(table, changed, slot);
                }
            });
            rows.clear();
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

    private void write(Table table, List<Row> rows, int slot) {
        switch (table) {
            case LEAD_TALLY -> insert("lead_tally (created_month, status, owner_id, source, reach, n, slot)", 7,
                    "n = n + VALUES(n)", rows, slot);
            case LEAD_ORDER_TALLY -> {
                for (Row row : rows) {
                    // the bucket by the database's own comparison with the bounds (no value: bucket 0)
                    jdbc.update("""
                            INSERT INTO lead_order_tally (sort_column, bucket, n, slot)
                            SELECT ?, COUNT(*), ?, ? FROM lead_order_bound WHERE sort_column = ? AND bound <= ?
                            ON DUPLICATE KEY UPDATE n = n + VALUES(n)""", row.key.get(0), row.n, slot, row.key.get(0),
                            row.key.get(1));
                }
            }
            case OPPORTUNITY_TALLY -> insert("opportunity_tally (stage, owner_id, currency, close_month, source, n, "
                    + "amount, weighted, slot)", 9, "n = n + VALUES(n), amount = amount + VALUES(amount), "
                    + "weighted = weighted + VALUES(weighted)", rows, slot);
            case STAGE_TALLY -> insert("stage_tally (owner_id, source, kind, month, stage, bucket, n, slot)", 8,
                    "n = n + VALUES(n)", rows, slot);
        }
    }

    private void insert(String into, int columns, String update, List<Row> rows, int slot) {
        String values = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        for (int from = 0; from < rows.size(); from += 500) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
            List<@Nullable Object> args = new ArrayList<>();
            for (Row row : chunk) {
                args.addAll(row.key);
                args.add(row.n);
                args.addAll(List.of(row.amounts));
                args.add(slot);
            }
            jdbc.update("INSERT INTO " + into + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), values))
                    + " ON DUPLICATE KEY UPDATE " + update, args.toArray());
        }
    }
}
