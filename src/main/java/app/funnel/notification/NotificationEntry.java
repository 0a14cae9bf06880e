package app.funnel.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification as the bell lists it.
 *
 * @param path    the view that opens its record ({@code leads/12}), empty when it has none
 * @param subject the record's name when it was sent (or the definitions' change note)
 * @param actor   who caused it (a display name), empty for reminders
 */
public record NotificationEntry(long id, NotificationKind kind, @Nullable String recordType, @Nullable Long recordId,
                                String path, String subject, String actor, Instant createdAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
