/**
 * Saved views of the lead and deal grids: a grid's state (tab, filters, sort, columns: the query
 * string its URL carries) under a name, kept for oneself or shared by leadership with a role
 * ("SQLs past SLA" for sales). Knows no grid's filters: a view opens its URL.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.savedview;
