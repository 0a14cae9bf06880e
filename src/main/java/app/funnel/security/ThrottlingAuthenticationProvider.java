package app.funnel.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login against Funnel's user table, refused up front (without checking the password)
 * while {@link LoginThrottle} makes the username wait, or the address tried too many unknown
 * usernames. Spring Security has no such throttle itself. The client address is the request's
 * remote address: behind a reverse proxy, Tomcat takes it from X-Forwarded-For only when the proxy
 * is trusted ({@code server.forward-headers-strategy}, {@code FUNNEL_TRUSTED_PROXIES}).
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final UserDetailsService users;
    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.users = users;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String address = addressOf(authentication);
        boolean known = exists(username);
        var lock = throttle.lockFor(username, address, known);
        if (lock.isPresent()) {
            throw new LoginLockedException(lock.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(username);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(username, address, known);
            throw e;
        }
    }

    private boolean exists(String username) {
        try {
            users.loadUserByUsername(username);
            return true;
        } catch (UsernameNotFoundException unknown) {
            return false;
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            // the users cannot be read: the login page says the database is away, not "wrong password"
            throw new org.springframework.security.authentication.InternalAuthenticationServiceException(
                    e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String addressOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }
}
