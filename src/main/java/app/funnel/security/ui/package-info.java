/**
 * The login page.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.security.ui;
