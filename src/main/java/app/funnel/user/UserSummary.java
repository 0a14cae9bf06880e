package app.funnel.user;

import app.funnel.security.Role;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A user as the rest of Funnel sees it; never the password hash. */
public record UserSummary(long id, String username, String displayName, String email, Set<Role> roles,
                          boolean enabled, Instant createdAt, @Nullable Instant lastLoginAt, long version) {

    static UserSummary of(AppUser user) {
        return new UserSummary(user.getId() == null ? 0 : user.getId(), user.getUsername(), user.getDisplayName(),
                user.getEmail(), Set.copyOf(user.getRoles()), user.isEnabled(), user.getCreatedAt(),
                user.getLastLoginAt(), user.getVersion());
    }
}
