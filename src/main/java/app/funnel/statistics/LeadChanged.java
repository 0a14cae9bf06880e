package app.funnel.statistics;

import org.jspecify.annotations.Nullable;

/**
 * A lead was stored ({@code before} null), changed, or removed ({@code after} null), in the
 * transaction that publishes this; the statistics count it before the transaction commits.
 */
public record LeadChanged(@Nullable LeadFacts before, @Nullable LeadFacts after) {

    public static LeadChanged stored(LeadFacts lead) {
        return new LeadChanged(null, lead);
    }

    public static LeadChanged removed(LeadFacts lead) {
        return new LeadChanged(lead, null);
    }
}
