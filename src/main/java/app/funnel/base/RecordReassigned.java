package app.funnel.base;

/**
 * A lead or deal got another owner by a reassignment (not by a handoff, which is a status change),
 * in the transaction that changes it.
 */
public record RecordReassigned(String recordType, long recordId, long fromOwnerId, long toOwnerId, String by) {
}
