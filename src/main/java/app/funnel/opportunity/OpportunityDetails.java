package app.funnel.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An opportunity as the rest of Funnel sees it, with its account's and buyer's names. */
public record OpportunityDetails(long id, String name, long accountId, String accountName, long contactId,
                                 String buyerName, @Nullable Long leadId, long ownerId, BigDecimal amount,
                                 String currency, LocalDate expectedClose, Stage stage, int probability,
                                 @Nullable LostReason lostReason, @Nullable String lostNote, @Nullable String notes,
                                 Instant stageChangedAt, Instant createdAt, Instant updatedAt, String updatedBy,
                                 long version) {
}
