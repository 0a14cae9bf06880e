package app.funnel.activity;

import java.time.Instant;

/**
 * An activity was logged on a record, in the transaction that stores it: the owning feature may
 * count it (the first call, e-mail or meeting on an SQL is its first touch).
 */
public record ActivityLogged(String recordType, long recordId, ActivityKind kind, Instant occurredAt, String by) {
}
