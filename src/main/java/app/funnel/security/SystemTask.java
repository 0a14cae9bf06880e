package app.funnel.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Scheduled work (reminders, notification mails) runs as Funnel itself: a user named
 * {@code system:<task>} with the role {@code SYSTEM}, which only the service methods that such work
 * calls accept ({@link Roles#HAS_SYSTEM}).
 */
public final class SystemTask {

    public static final String AUTHORITY = "ROLE_SYSTEM";

    private SystemTask() {
    }

    /** Runs the work as {@code system:<task>} and restores whoever ran before. */
    public static <T> T run(String task, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system:" + task, null,
                List.of(new SimpleGrantedAuthority(AUTHORITY))));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Runs the work as {@code system:<task>}. */
    public static void run(String task, Runnable work) {
        run(task, () -> {
            work.run();
            return null;
        });
    }
}
