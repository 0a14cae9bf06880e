/**
 * The application shell around every view (side navigation from {@code @Menu} entries, the user, the
 * acknowledgement banner), the home page and the not-found page. It sees every feature; no feature sees it.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.shell;
