package app.funnel.opportunity;

import java.math.BigDecimal;

/**
 * How many deals in one currency, their total amount and their weighted amount (amount times
 * probability); amounts in different currencies are never added up.
 */
public record Totals(String currency, long count, BigDecimal amount, BigDecimal weighted) {
}
