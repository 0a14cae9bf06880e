package app.funnel.lead;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Why a lead looks fake; a suspect lead can still be saved, and is shown with its reasons. */
public enum SuspectReason {
    /** A number that cannot exist in its country's plan (unknown area code, a digit short or long). */
    INVALID_PHONE,
    /** A number reserved for fiction (555-0100 to 555-0199), or one digit repeated or a counting run. */
    FICTIONAL_PHONE,
    PLACEHOLDER_EMAIL_DOMAIN,
    /** A disposable mailbox provider, from the shipped list (a subdomain of one counts). */
    THROWAWAY_EMAIL_DOMAIN,
    /** A mailbox that is a keyboard mash ("asdfgh@", "sdfsdf@") or a word for nobody ("test@", "noemail@"). */
    PLACEHOLDER_MAILBOX,
    PLACEHOLDER_NAME;

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
