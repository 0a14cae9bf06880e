package app.funnel.user;

import app.funnel.security.FunnelPrincipal;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looks users up for the login; used by Spring Security only, before anyone is logged in. */
@Component
class FunnelUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    FunnelUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new FunnelPrincipal(user.getId() == null ? 0 : user.getId(), user.getUsername(), user.getDisplayName(),
                user.getPasswordHash(), user.isEnabled(), user.getRoles());
    }
}
