package app.funnel.statistics;

/** One record's history goes to another (two records merged into one), in the publishing transaction. */
public record HistoryMoved(Lifecycle lifecycle, long fromId, long toId) {
}
