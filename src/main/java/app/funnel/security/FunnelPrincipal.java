package app.funnel.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in user as Spring Security holds it: the account plus the name to greet them by. */
public class FunnelPrincipal extends User {

    private final long userId;
    private final String displayName;

    public FunnelPrincipal(long userId, String username, String displayName, String passwordHash,
                           boolean enabled, Set<Role> roles) {
        super(username, passwordHash, enabled, true, true, true, authorities(roles));
        this.userId = userId;
        this.displayName = displayName;
    }

    private static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }
}
