/**
 * The rep's day on a record: activities logged on leads and deals (calls, e-mails, meetings, notes)
 * and follow-ups with a due time and an assignee. The features that own the records say, through
 * {@link app.funnel.activity.WorkRecords}, who may work on them.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.activity;
