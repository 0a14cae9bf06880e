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
    private static final ThreadLocal<java.util.Map<String, Object>> READ = new ThreadLocal<>();

    private BulkScope() {
    }

    /** Whether the current thread is working through a bulk action. */
    public static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }

    public static <T> T run(Supplier<T> work) {
        Boolean before = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        if (before == null) {
            READ.set(new java.util.HashMap<>());
        }
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTIVE.remove();
                READ.remove();
            } else {
                ACTIVE.set(before);
            }
        }
    }

    /**
     * What does not change while an action runs (the users who may own a lead, their names), read
     * once per action instead of once per row; outside an action, read every time.
     */
    @SuppressWarnings("unchecked")
    public static <T> T readOnce(String key, Supplier<T> read) {
        java.util.Map<String, Object> known = READ.get();
        if (known == null) {
            return read.get();
        }
        return (T) known.computeIfAbsent(key, k -> read.get());
    }
}
