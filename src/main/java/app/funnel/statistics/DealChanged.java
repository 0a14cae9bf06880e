package app.funnel.statistics;

import org.jspecify.annotations.Nullable;

/** A deal was stored ({@code before} null) or changed, in the transaction that publishes this. */
public record DealChanged(@Nullable DealFacts before, DealFacts after) {
}
