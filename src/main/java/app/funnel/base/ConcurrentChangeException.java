package app.funnel.base;

import java.time.Instant;

/**
 * The record was changed by someone else since it was loaded; the change was not stored.
 * Carries who changed it and when, so the UI can say "changed by X at T, reload".
 */
public class ConcurrentChangeException extends RuntimeException {

    private final String changedBy;
    private final Instant changedAt;

    public ConcurrentChangeException(String what, String changedBy, Instant changedAt) {
        super(what + " was changed by " + changedBy + " at " + changedAt + "; reload to see the change");
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
