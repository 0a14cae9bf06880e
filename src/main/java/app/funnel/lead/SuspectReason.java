package app.funnel.lead;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Why a lead looks fake; a suspect lead can still be saved, and is shown with its reasons. */
public enum SuspectReason {
    INVALID_PHONE, PLACEHOLDER_EMAIL_DOMAIN, THROWAWAY_EMAIL_DOMAIN, PLACEHOLDER_NAME;

    /** The reasons as leads.suspect_reasons stores them: names in alphabetical order, comma-separated; null for none. */
    public static @Nullable String stored(Set<SuspectReason> reasons) {
        return reasons.isEmpty() ? null : reasons.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** The reasons of a stored column (as {@link #stored} writes it). */
    public static Set<SuspectReason> of(@Nullable String stored) {
        Set<SuspectReason> reasons = EnumSet.noneOf(SuspectReason.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(String::strip).map(SuspectReason::valueOf).forEach(reasons::add);
        }
        return reasons;
    }
}
