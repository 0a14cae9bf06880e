package app.funnel.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login CSRF: Vaadin's login form posts without a CSRF token, so a page on another site could log
 * a visitor's browser into Funnel as an account of its choosing. A login post is taken only from
 * Funnel's own pages: {@code Sec-Fetch-Site} (sent by every current browser) must be
 * {@code same-origin} or {@code none}, and an {@code Origin} header must name this server (as the
 * request reached it; behind a trusted proxy, as the proxy forwarded it). A post with neither
 * header comes from no browser (a script), which a cross-site attack cannot be.
 */
final class SameOriginLogin extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SameOriginLogin.class);

    private final String loginPath;

    SameOriginLogin(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod())
                || !(request.getContextPath() + loginPath).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sameOrigin(request)) {
            log.warn("Login post from another site refused (Origin {}, Sec-Fetch-Site {}, address {})",
                    request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), request.getRemoteAddr());
            // written here, not by sendError: the error page's dispatch would answer a redirect to the login
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Log in from Funnel's own login page: this login came from another website.\n");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null" (a sandboxed frame, a data: page) and the like
            }
            int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
            return uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost().toLowerCase(Locale.ROOT).equals(request.getServerName().toLowerCase(Locale.ROOT))
                    && port == request.getServerPort();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
