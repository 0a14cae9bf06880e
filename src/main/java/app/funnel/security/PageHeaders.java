package app.funnel.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * The security headers on Funnel's pages. Spring Security writes them on every response it sees,
 * but Vaadin's index page handler resets the response before it writes the page, so the page itself
 * (the one a browser renders) lost them: they are set again here, as the page is written.
 */
@Component
class PageHeaders implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> apply(page.getVaadinResponse()));
    }

    static void apply(VaadinResponse response) {
        response.setHeader("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
    }
}
