/**
 * Notifications: what happened to a user's records (an SQL handed to them or returned, a record
 * reassigned, a follow-up assigned or due, a deal moved by someone else, a definition published),
 * in the app behind the bell and by mail as each user chooses, and the scheduled reminders.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.notification;
