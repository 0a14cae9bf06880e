/** The My work panel of the home page, kept up to date while it is open. */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package app.funnel.mywork.ui;
