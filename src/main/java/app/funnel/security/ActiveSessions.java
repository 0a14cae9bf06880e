package app.funnel.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps track of the open HTTP sessions so that a disabled user's sessions can be ended at once.
 */
@Component
public class ActiveSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(ActiveSessions.class);

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    /**
     * Puts the user's new roles into every open session of theirs, so that their next request (a
     * click in a view opened before, a service call) runs with the roles they hold now; a role taken
     * away stops working at once, without logging them out. Returns how many sessions were changed.
     */
    public int refreshRolesOf(String username, java.util.Set<Role> roles) {
        int refreshed = forEachSessionOf(username, (session, context) -> {
            Object principal = context.getAuthentication().getPrincipal();
            if (principal instanceof FunnelPrincipal old) {
                principal = new FunnelPrincipal(old.userId(), old.getUsername(), old.displayName(), "", true, roles);
            }
            var authorities = roles.stream().map(role -> (org.springframework.security.core.GrantedAuthority)
                    new org.springframework.security.core.authority.SimpleGrantedAuthority(role.authority())).toList();
            var authentication = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .authenticated(principal, null, authorities);
            authentication.setDetails(context.getAuthentication().getDetails());
            // a new context object: a request of that session running now keeps the one it read
            SecurityContext fresh = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
            fresh.setAuthentication(authentication);
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, fresh);
        });
        if (refreshed > 0) {
            log.info("Roles of {} changed in {} open session(s): {}", username, refreshed, roles);
        }
        return refreshed;
    }

    /** Ends every open session of the given user; returns how many were ended. */
    public int endSessionsOf(String username) {
        int ended = forEachSessionOf(username, (session, context) -> session.invalidate());
        if (ended > 0) {
            log.info("Ended {} open session(s) of {}", ended, username);
        }
        return ended;
    }

    /** Runs the action on each open session logged in as the user; returns how many there were. */
    private int forEachSessionOf(String username, java.util.function.BiConsumer<HttpSession, SecurityContext> action) {
        int count = 0;
        for (HttpSession session : List.copyOf(sessions.values())) {
            try {
                if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                        && context.getAuthentication() != null
                        && username.equalsIgnoreCase(context.getAuthentication().getName())) {
                    action.accept(session, context);
                    count++;
                }
            } catch (IllegalStateException alreadyInvalidated) {
                sessions.remove(session.getId());
            }
        }
        return count;
    }
}
