package app.funnel.lead;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the lead grid. */
public record LeadRow(long id, String firstName, String lastName, @Nullable String email, @Nullable String company,
                      LeadSource source, long ownerId, LeadStatus status, boolean suspect,
                      @Nullable Instant firstTouchDueAt, @Nullable Instant firstTouchAt, Instant createdAt) {

    /** An SQL whose first-touch deadline has passed without a first touch. */
    public boolean overdue(Instant now) {
        return status == LeadStatus.SQL && firstTouchAt == null && firstTouchDueAt != null && now.isAfter(firstTouchDueAt);
    }
}
