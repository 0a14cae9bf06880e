package app.funnel.activity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One activity on a record's timeline.
 *
 * @param edited    whether it was changed after it was logged (the earlier texts are kept)
 * @param mayChange whether the current user may edit or delete it (its author, leadership)
 */
public record ActivityEntry(long id, String recordType, long recordId, ActivityKind kind, Instant occurredAt,
                            @Nullable ActivityOutcome outcome, String body, @Nullable String people,
                            boolean privateNote, long authorId, String authorName, Instant updatedAt, String updatedBy,
                            boolean edited, long version, boolean mayChange) {
}
