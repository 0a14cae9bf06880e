package app.funnel.activity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a user logs: the kind, when it happened (now when empty), how it went, what was said, who
 * took part, and whether only the author, the record's owner and leadership may read it.
 */
public record ActivityInput(@Nullable ActivityKind kind, @Nullable Instant occurredAt, @Nullable ActivityOutcome outcome,
                            @Nullable String body, @Nullable String people, boolean privateNote) {
}
