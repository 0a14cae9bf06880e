/** The "Views" menu of the lead and deal grids: open, save and delete saved views. */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package app.funnel.savedview.ui;
