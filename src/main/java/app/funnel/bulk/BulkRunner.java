package app.funnel.bulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the rows of a bulk action in chunks: one transaction per chunk, each row through its
 * feature's own checked (and transactional) call, which joins the chunk's transaction. A row
 * refused rolls the chunk back, since the refused call may have marked it rollback-only; the chunk
 * then runs again row by row, each in a transaction of its own, so that the refused rows stay as
 * they were and every other row is changed. Rows are never half-changed: a row is committed
 * with everything its call wrote (history, tallies, follow-ups) or not at all.
 */
@Component
class BulkRunner {

    /** Rows per transaction: large enough that commits cost little, small enough to keep locks short. */
    static final int CHUNK = 250;

    private final TransactionTemplate transactions;
    private final jakarta.persistence.EntityManager entities;

    BulkRunner(PlatformTransactionManager transactions, jakarta.persistence.EntityManager entities) {
        this.transactions = new TransactionTemplate(transactions);
        this.entities = entities;
    }

    /** What a changed row leaves behind: whom to tell (or -1) and how to undo it (or none). */
    record Done(long tell, BulkUndo.@Nullable Step undo) {
    }

    record Outcome(Map<Long, Done> done, Map<Long, Refusals.Reason> refused) {
    }

    /** Rows read ahead in one query, and kept in the session together: few enough that each flush checks little. */
    static final int READ_AHEAD = 25;

    /**
     * Runs every row; {@code readAhead} loads the next rows of a chunk into its transaction in one
     * query (a round trip saved per row), READ_AHEAD at a time.
     */
    Outcome run(List<Long> ids, LongFunction<Done> row, IntConsumer progress,
                java.util.function.Consumer<List<Long>> readAhead) {
        Map<Long, Done> done = new LinkedHashMap<>();
        Map<Long, Refusals.Reason> refused = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, Done> chunkDone = together(chunk, row, readAhead);
            if (chunkDone != null) {
                done.putAll(chunkDone);
            } else {
                for (long id : chunk) {
                    try {
                        Done one = transactions.execute(status -> row.apply(id));
                        done.put(id, java.util.Objects.requireNonNull(one));
                    } catch (RuntimeException problem) {
                        refused.put(id, Refusals.of(problem));
                    }
                }
            }
            progress.accept(Math.min(ids.size(), from + CHUNK));
        }
        return new Outcome(done, refused);
    }

    /** The chunk in one transaction, or null when a row failed and nothing of the chunk was kept. */
    private @Nullable Map<Long, Done> together(List<Long> chunk, LongFunction<Done> row,
                                               java.util.function.Consumer<List<Long>> readAhead) {
        try {
            return transactions.execute(status -> {
                Map<Long, Done> done = new LinkedHashMap<>();
                for (int i = 0; i < chunk.size(); i++) {
                    long id = chunk.get(i);
                    try {
                        if (i % READ_AHEAD == 0) {
                            // the rows done are written: the session keeps only the next few, which it checks at each flush
                            entities.clear();
                            readAhead.accept(chunk.subList(i, Math.min(chunk.size(), i + READ_AHEAD)));
                        }
                        done.put(id, row.apply(id));
                        entities.flush();
                    } catch (RuntimeException problem) {
                        status.setRollbackOnly();
                        return null;
                    }
                }
                return done;
            });
        } catch (RuntimeException rolledBack) {
            return null; // the commit failed (a deadlock, a lost connection): row by row, each said on its own
        }
    }

    static List<Long> distinct(List<Long> ids) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    }
}
