package app.funnel.definition;

import app.funnel.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who has acknowledged which version of the definitions.
 *
 * @param version the version in force
 * @param users   every enabled user with the newest version they acknowledged
 * @param byRole  for each role, how many of its enabled users acknowledged the version in force
 */
public record AcknowledgementReport(int version, List<UserAcknowledgement> users, Map<Role, Share> byRole) {

    public record UserAcknowledgement(String username, String displayName, List<Role> roles,
                                      @Nullable Integer newestVersion, @Nullable Instant acknowledgedAt) {

        public boolean current(int version) {
            return newestVersion != null && newestVersion >= version;
        }
    }

    public record Share(long acknowledged, long total) {

        public int percent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * acknowledged / total);
        }
    }
}
