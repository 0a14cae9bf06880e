/** The bulk bar above the lead and deal grids and the dialog that runs an action with its progress, result and undo. */
@org.jspecify.annotations.NullMarked
package app.funnel.bulk.ui;
