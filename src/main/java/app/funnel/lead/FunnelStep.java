package app.funnel.lead;

/**
 * The steps of the funnel, in order. A lead counts at every step up to the furthest it reached
 * (its "reach"), whether or not it passed through each one.
 */
public enum FunnelStep {
    LEAD, MQL, SQL, OPPORTUNITY, QUOTE, WON;

    /** The step a lead status is. */
    static FunnelStep of(LeadStatus status) {
        return switch (status) {
            case MQL -> MQL;
            case SQL -> SQL;
            case CONVERTED -> OPPORTUNITY;
            default -> LEAD;
        };
    }
}
