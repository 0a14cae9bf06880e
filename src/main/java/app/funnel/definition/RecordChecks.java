package app.funnel.definition;

import app.funnel.base.RefusedException;
import java.util.HashSet;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Criteria are confirmed on records that other features own (leads, deals): only that feature
 * knows who may change its record. It checks, then says so here for the record, in its
 * transaction; {@link DefinitionService} writes confirmations only for records checked so in the
 * same transaction. A call from anywhere else (a view, a stale screen) is refused.
 */
public final class RecordChecks {

    private static final Object KEY = RecordChecks.class;

    private RecordChecks() {
    }

    /** The calling feature has checked that the current user may change this record. */
    public static void checked(RecordRef record) {
        checkedRecords().add(record);
    }

    /** Refuses unless the record was checked so in the current transaction. */
    public static void require(RecordRef record) {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !checkedRecords().contains(record)) {
            throw new RefusedException("refused.record-unchecked");
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<RecordRef> checkedRecords() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Records are checked inside the transaction that changes them");
        }
        Set<RecordRef> set = (Set<RecordRef>) TransactionSynchronizationManager.getResource(KEY);
        if (set == null) {
            set = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, set);
            TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                        }
                    });
        }
        return set;
    }
}
