package app.funnel.opportunity;

import app.funnel.lead.LeadSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A deal that did not come from a lead: a salesperson's own prospecting, or an existing customer's
 * new need. It still needs an account and a buyer contact, and the Opportunity definition's criteria.
 *
 * @param accountId   an existing account; null for the account named {@code accountName} (an account of
 *                    that name, ignoring case and accents, is used, or it is created)
 * @param buyerId     an existing contact of that account as the buyer; null for a new contact from the
 *                    buyer's names, e-mail, phone and job title
 * @param criteria    the codes of the Opportunity definition's criteria the salesperson confirms
 */
public record NewDeal(@Nullable String name, @Nullable BigDecimal amount, @Nullable String currency,
                      @Nullable LocalDate expectedClose, @Nullable LeadSource source,
                      @Nullable Long accountId, @Nullable String accountName,
                      @Nullable Long buyerId, @Nullable String buyerFirstName, @Nullable String buyerLastName,
                      @Nullable String buyerEmail, @Nullable String buyerPhone, @Nullable String buyerJobTitle,
                      Set<String> criteria) {
}
