package app.funnel.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A lead's status or a deal's stage changed (or a record began, {@code from} null): the
 * statistics write its history row, with the record's owner and source as they are now and a lost
 * deal's reason, and count the events the row adds to the record's history, in the transaction
 * that publishes this.
 */
public record StateChanged(Lifecycle lifecycle, long recordId, @Nullable FunnelState from, FunnelState to,
                           String by, Instant at, @Nullable String reason, @Nullable Integer definitionVersion,
                           @Nullable BigDecimal amount, @Nullable Integer probability, long ownerId,
                           @Nullable String source, @Nullable String lostReason) {
}
