package app.funnel.base.ui;

/**
 * A view without a menu entry that names its section in the shell's header (a lead's page says
 * "Leads" there and its own name in the browser tab), instead of its whole page title.
 */
public interface ViewHeader {

    String viewHeader();
}
