/** The activities and follow-ups panel that the lead and deal dialogs show, and the form parts it uses. */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package app.funnel.activity.ui;
