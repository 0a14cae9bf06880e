package app.funnel.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;

/** The open deals expected to close in a month, in one currency: how many, their total and weighted amount. */
public record PipelineRow(YearMonth month, String currency, long deals, BigDecimal total, BigDecimal weighted) {
}
