package app.funnel.base;

/**
 * A lead or deal changed (its fields, status, owner or timeline), published in the transaction that
 * changes it; after the commit, screens that show it refresh ({@link LiveUpdates}).
 *
 * @param recordType {@code LEAD} or {@code OPPORTUNITY}
 * @param ownerId    its owner after the change
 * @param by         the username of who changed it
 */
public record RecordTouched(String recordType, long recordId, long ownerId, String by) {
}
