package app.funnel.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a conversion needs besides the lead.
 *
 * @param accountId    an existing account to use; null to match one by name or e-mail domain, or create it
 * @param buyerId      another contact of that account as the buyer; null for the lead itself
 */
public record ConversionInput(@Nullable String name, @Nullable BigDecimal amount, @Nullable String currency,
                              @Nullable LocalDate expectedClose, @Nullable Long accountId, @Nullable Long buyerId) {
}
