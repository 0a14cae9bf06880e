package app.funnel.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user of the current request.
 *
 * @param userId      the database id, or {@code null} when the authentication did not come from Funnel's
 *                    user table (e.g. a test's mock user)
 * @param username    the login name
 * @param displayName the name to show
 * @param roles       the roles held
 */
public record CurrentUser(Long userId, String username, String displayName, Set<Role> roles) {

    /** The user of the current request, if one is logged in. */
    public static Optional<CurrentUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : auth.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        if (auth.getPrincipal() instanceof FunnelPrincipal principal) {
            return Optional.of(new CurrentUser(principal.userId(), principal.getUsername(),
                    principal.displayName(), Set.copyOf(roles)));
        }
        return Optional.of(new CurrentUser(null, auth.getName(), auth.getName(), Set.copyOf(roles)));
    }

    /** The user of the current request; fails when nobody is logged in. */
    public static CurrentUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No user is logged in"));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
