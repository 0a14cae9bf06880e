/**
 * The Definitions page, version comparison, acknowledgements, and the pieces other features embed:
 * the acknowledgement banner and the one-click definition of a status or stage.
 */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package app.funnel.definition.ui;
