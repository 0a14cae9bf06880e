package app.funnel.user;

import app.funnel.security.Role;
import java.util.Set;

/** What an administrator may change on a user. */
public record UserChanges(String displayName, String email, Set<Role> roles) {
}
