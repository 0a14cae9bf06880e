package app.funnel.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What the statistics count a deal under: stage, owner, currency, close month, source (its lead's), amounts. */
public record DealFacts(FunnelState stage, long ownerId, String currency, LocalDate expectedClose, BigDecimal amount,
                        int probability, @Nullable String source) {

    int closeMonth() {
        return expectedClose.getYear() * 100 + expectedClose.getMonthValue();
    }

    BigDecimal weighted() {
        return amount.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
    }
}
