package app.funnel.statistics;

/**
 * A lead status or deal stage as the statistics see it. Each enum declares its facts once, in an
 * exhaustive switch, so that a new status or stage does not compile until it says them; every
 * Java rule and SQL list of this package is derived from them ({@link Lifecycle}).
 */
public interface FunnelState {

    /** What a record's last change to this state means for the win rate. */
    enum Outcome { NONE, WON, LOST }

    /** The stored name (stage_change.to_stage, leads.status, opportunity.stage). */
    String name();

    /**
     * The furthest funnel step a record in this state has reached by being here: the step it counts
     * at in the funnel. A handoff is entering a state at {@link FunnelStep#SQL}; a return is leaving
     * one for a state at {@link FunnelStep#MQL}.
     */
    FunnelStep step();

    /** Whether a stay here is work in progress whose length is counted (not an outcome). */
    boolean working();

    Outcome outcome();
}
