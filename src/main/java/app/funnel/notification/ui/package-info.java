/** The bell in the shell with its unread count and list, and the notification choices on the profile. */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package app.funnel.notification.ui;
