package app.funnel;

import app.funnel.security.Role;
import java.util.Arrays;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Puts a user with the given roles into the security context of the test thread, for service calls. */
public final class TestLogins {

    private TestLogins() {
    }

    public static void as(String username, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
