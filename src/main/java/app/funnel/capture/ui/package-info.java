/** The administration of capture forms. */
@org.jspecify.annotations.NullMarked
package app.funnel.capture.ui;
