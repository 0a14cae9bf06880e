package app.funnel.opportunity;

import app.funnel.lead.LeadSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The opportunity grid's and board's filters; every one is optional. Besides the grid's own, the
 * dashboard's drill-downs narrow to open deals, deals whose stage last changed (closed) in a range,
 * a lost reason, a currency, the source of the deal's lead or deals opened in a range.
 */
public record OpportunityQuery(@Nullable Stage stage, @Nullable Long ownerId, @Nullable Long accountId,
                               @Nullable LocalDate closeFrom, @Nullable LocalDate closeTo,
                               @Nullable BigDecimal amountMin, @Nullable BigDecimal amountMax,
                               boolean openOnly, @Nullable LocalDate changedFrom, @Nullable LocalDate changedTo,
                               @Nullable LostReason lostReason, @Nullable String currency,
                               @Nullable LeadSource source, @Nullable LocalDate createdFrom,
                               @Nullable LocalDate createdTo) {

    public OpportunityQuery(@Nullable Stage stage, @Nullable Long ownerId, @Nullable Long accountId,
                            @Nullable LocalDate closeFrom, @Nullable LocalDate closeTo,
                            @Nullable BigDecimal amountMin, @Nullable BigDecimal amountMax) {
        this(stage, ownerId, accountId, closeFrom, closeTo, amountMin, amountMax, false, null, null, null, null, null,
                null, null);
    }

    public static OpportunityQuery all() {
        return new OpportunityQuery(null, null, null, null, null, null, null);
    }

    public OpportunityQuery withStage(@Nullable Stage newStage) {
        return new OpportunityQuery(newStage, ownerId, accountId, closeFrom, closeTo, amountMin, amountMax, openOnly,
                changedFrom, changedTo, lostReason, currency, source, createdFrom, createdTo);
    }

    /** Whether a filter the grid has no field for (a drill-down's) is set. */
    public boolean drilled() {
        return openOnly || changedFrom != null || changedTo != null || lostReason != null || currency != null
                || source != null || createdFrom != null || createdTo != null;
    }
}
