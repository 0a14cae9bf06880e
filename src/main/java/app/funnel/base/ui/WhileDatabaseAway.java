package app.funnel.base.ui;

import app.funnel.base.DatabaseAway;
import com.vaadin.flow.server.VaadinRequest;

/**
 * The shell's own reads (the unread count, the definitions banner, a remembered preference) never
 * fail a page: with the database away such a part stays as it is and the page says why itself. Once
 * the database was found away while answering a request, the request's further parts do not try it,
 * so that a page does not wait once per part for the pool's timeout.
 */
public final class WhileDatabaseAway {

    private static final String FOUND_AWAY = WhileDatabaseAway.class.getName() + ".away";

    private WhileDatabaseAway() {
    }

    /** Runs a part of a screen that only shows data; returns whether it ran. */
    public static boolean tolerate(Runnable part) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getAttribute(FOUND_AWAY) != null) {
            return false;
        }
        try {
            part.run();
            return true;
        } catch (RuntimeException e) {
            if (!DatabaseAway.is(e)) {
                throw e;
            }
            noteAway();
            return false;
        }
    }

    /** The database was found away while answering this request (a view or a save failed for it). */
    public static void noteAway() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            request.setAttribute(FOUND_AWAY, Boolean.TRUE);
        }
    }
}
