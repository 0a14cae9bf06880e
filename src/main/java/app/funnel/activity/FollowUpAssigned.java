package app.funnel.activity;

/** A follow-up was given to someone other than who planned it, in the transaction that stores it. */
public record FollowUpAssigned(long followUpId, String recordType, long recordId, long assigneeId, String title,
                               String by) {
}
