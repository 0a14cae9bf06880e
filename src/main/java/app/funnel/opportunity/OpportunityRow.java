package app.funnel.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of the opportunity grid or a card of the board. */
public record OpportunityRow(long id, String name, String accountName, BigDecimal amount, String currency,
                             LocalDate expectedClose, Stage stage, int probability, long ownerId,
                             Instant stageChangedAt, Instant updatedAt, long version) {
}
