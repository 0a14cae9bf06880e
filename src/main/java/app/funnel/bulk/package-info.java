/**
 * Bulk actions on the lead and deal grids: reassign, hand over, disqualify, recycle, move stage,
 * add a follow-up, over the rows a user ticked or all rows a filter matches (up to
 * {@link app.funnel.bulk.BulkService#MAX_ROWS}). Every row goes through the same checked call of its
 * feature as a single change, so definitions, access per row, history, tallies and notifications
 * hold; a row refused says why; one undo puts back what the action changed, row by row, where
 * nobody changed the row since.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.bulk;
