/**
 * Funnel statistics: the status and stage history (stage_change) and the tallies that keep every
 * count fast (lead_tally, lead_order_tally, opportunity_tally, stage_tally). Leads and deals
 * publish typed events in the transaction of each change ({@link app.funnel.statistics.LeadChanged},
 * {@link app.funnel.statistics.LeadsCounted}, {@link app.funnel.statistics.StateChanged},
 * {@link app.funnel.statistics.HistoryMoved}, {@link app.funnel.statistics.DealChanged}); this
 * package writes the history and the counts before the transaction commits, and answers through
 * typed readers ({@link app.funnel.statistics.LeadCounts}, {@link app.funnel.statistics.DealCounts},
 * {@link app.funnel.statistics.FunnelFigures}, {@link app.funnel.statistics.StageHistory}). The
 * facts of the lifecycle come from the states themselves ({@link app.funnel.statistics.FunnelState}).
 * See docs/decisions/0007-one-statistics-module.md.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.statistics;
