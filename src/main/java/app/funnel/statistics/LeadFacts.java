package app.funnel.statistics;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the statistics count a lead under: its month (of creation), status, owner, source and
 * furthest step for the funnel and the grid's counts; its last name and company for the grid's
 * name and company orders; its last handoff and first touch after it for the handoff figures.
 */
public record LeadFacts(long id, Instant createdAt, FunnelState status, long ownerId, String source, FunnelStep reach,
                        String lastName, @Nullable String company, @Nullable Instant handedOver,
                        @Nullable Instant touched) {
}
