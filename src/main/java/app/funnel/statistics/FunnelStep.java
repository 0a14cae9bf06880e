package app.funnel.statistics;

/**
 * The steps of the funnel, in order. A lead counts at every step up to the furthest it reached
 * (its "reach"), whether or not it passed through each one. The codes are stored (leads.reach,
 * lead_tally.reach) and compared in SQL: a new step gets a code of its own, in funnel order.
 */
public enum FunnelStep {
    LEAD(0), MQL(1), SQL(2), OPPORTUNITY(3), QUOTE(4), WON(5);

    public final int code;

    FunnelStep(int code) {
        this.code = code;
    }

    /** The step stored under this code. */
    public static FunnelStep of(int code) {
        for (FunnelStep step : values()) {
            if (step.code == code) {
                return step;
            }
        }
        throw new IllegalArgumentException("No funnel step has the code " + code);
    }

    /** Whether this step is the other one or further. */
    public boolean atLeast(FunnelStep other) {
        return code >= other.code;
    }
}
