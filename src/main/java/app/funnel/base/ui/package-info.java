/**
 * The application shell (side navigation built from {@code @Menu} entries), the home page and shared UI helpers.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.base.ui;
