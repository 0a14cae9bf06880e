package app.funnel.activity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A next step: what, by when, by whom (the record's owner when empty), with an optional note. */
public record FollowUpInput(@Nullable String title, @Nullable Instant dueAt, @Nullable Long assigneeId,
                            @Nullable String note) {
}
