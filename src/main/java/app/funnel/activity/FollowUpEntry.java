package app.funnel.activity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up as lists show it.
 *
 * @param recordName the lead's or deal's name
 * @param overdue    open and past its due time
 * @param mayChange  whether the current user may edit it or mark it done
 */
public record FollowUpEntry(long id, String recordType, long recordId, String recordName, String title,
                            @Nullable String note, Instant dueAt, long assigneeId, String assigneeName,
                            @Nullable Instant doneAt, @Nullable String doneBy, boolean overdue, long version,
                            boolean mayChange) {

    public boolean open() {
        return doneAt == null;
    }
}
