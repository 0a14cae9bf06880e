package app.funnel.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The opportunity grid's and board's filters; every one is optional. */
public record OpportunityQuery(@Nullable Stage stage, @Nullable Long ownerId, @Nullable Long accountId,
                               @Nullable LocalDate closeFrom, @Nullable LocalDate closeTo,
                               @Nullable BigDecimal amountMin, @Nullable BigDecimal amountMax) {

    public static OpportunityQuery all() {
        return new OpportunityQuery(null, null, null, null, null, null, null);
    }

    public OpportunityQuery withStage(@Nullable Stage newStage) {
        return new OpportunityQuery(newStage, ownerId, accountId, closeFrom, closeTo, amountMin, amountMax);
    }
}
