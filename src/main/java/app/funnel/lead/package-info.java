/**
 * Leads: contact data and its checks, interest signals, the status lifecycle checked against the
 * definitions, and the status history.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.lead;
