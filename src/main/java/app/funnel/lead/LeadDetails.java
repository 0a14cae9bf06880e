package app.funnel.lead;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A lead as the rest of Funnel sees it. */
public record LeadDetails(long id, String firstName, String lastName, @Nullable String email, @Nullable String phone,
                          @Nullable String company, @Nullable String jobTitle, @Nullable String country,
                          LeadSource source, long ownerId, LeadStatus status,
                          @Nullable DisqualificationReason disqualificationReason,
                          @Nullable String disqualificationNote, @Nullable Long referredById, @Nullable String notes,
                          Set<SuspectReason> suspectReasons, @Nullable Instant firstTouchDueAt,
                          @Nullable Instant firstTouchAt, Instant createdAt, Instant updatedAt, String updatedBy,
                          long version) {

    public boolean suspect() {
        return !suspectReasons.isEmpty();
    }
}
