/**
 * The lead grid and the lead dialog with its status actions.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.lead.ui;
