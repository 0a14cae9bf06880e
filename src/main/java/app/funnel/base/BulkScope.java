package app.funnel.base;

import java.util.function.Supplier;

/**
 * Marks the changes of one bulk action on the thread that makes them. Every row still goes through
 * its feature's checked call; what a single change would tell a person one row at a time (a
 * notification per reassigned lead) waits for the action's end and is told once, by
 * {@link BulkChanged}.
 */
public final class BulkScope {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private BulkScope() {
    }

    /** Whether the current thread is working through a bulk action. */
    public static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }

    public static <T> T run(Supplier<T> work) {
        Boolean before = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(before);
            }
        }
    }
}
