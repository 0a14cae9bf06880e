/**
 * UI helpers every feature's views share: messages, field limits, dates in the user's locale.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.base.ui;
