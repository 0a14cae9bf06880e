/**
 * The lead grid and the lead dialog with its status actions.
 */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package app.funnel.lead.ui;
