package app.funnel.opportunity;

/** Why a deal was lost. */
public enum LostReason {
    PRICE, COMPETITOR, NO_BUDGET, NO_DECISION, TIMING, OTHER
}
