/**
 * Opportunities: deals converted from SQLs, with their account and buyer, moved through the stages
 * that the definitions gate, on a grid and a funnel board.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.opportunity;
