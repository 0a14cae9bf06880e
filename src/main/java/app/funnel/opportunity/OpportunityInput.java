package app.funnel.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The editable fields of an opportunity. */
public record OpportunityInput(@Nullable String name, @Nullable BigDecimal amount, @Nullable String currency,
                               @Nullable LocalDate expectedClose, @Nullable String notes) {
}
