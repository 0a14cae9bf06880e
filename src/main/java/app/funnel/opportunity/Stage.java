package app.funnel.opportunity;

import app.funnel.definition.Term;
import app.funnel.statistics.FunnelState;
import app.funnel.statistics.FunnelStep;
import app.funnel.statistics.Lifecycle;
import java.util.EnumSet;
import java.util.List;

/**
 * Where a deal stands; entering a stage is gated by that stage's definition. Each stage says its
 * facts here, once (the switches have no default: a new stage does not compile until it says
 * them); the statistics derive every count and SQL list from them.
 */
public enum Stage implements FunnelState {
    QUALIFICATION(Term.QUALIFICATION),
    PROPOSAL(Term.PROPOSAL),
    QUOTE(Term.QUOTE),
    NEGOTIATION(Term.NEGOTIATION),
    CLOSED_WON(Term.CLOSED_WON),
    CLOSED_LOST(Term.CLOSED_LOST);

    /** How the statistics count deals: 'OPPORTUNITY' history rows; they count reaching the opportunity step. */
    public static final Lifecycle LIFECYCLE = new Lifecycle("OPPORTUNITY", List.of(values()),
            EnumSet.of(FunnelStep.OPPORTUNITY));

    private final Term term;

    Stage(Term term) {
        this.term = term;
    }

    public Term term() {
        return term;
    }

    @Override
    public FunnelStep step() {
        return switch (this) {
            case QUALIFICATION, PROPOSAL, CLOSED_LOST -> FunnelStep.OPPORTUNITY;
            case QUOTE, NEGOTIATION -> FunnelStep.QUOTE;
            case CLOSED_WON -> FunnelStep.WON;
        };
    }

    @Override
    public boolean working() {
        return isOpen();
    }

    @Override
    public Outcome outcome() {
        return switch (this) {
            case QUALIFICATION, PROPOSAL, QUOTE, NEGOTIATION -> Outcome.NONE;
            case CLOSED_WON -> Outcome.WON;
            case CLOSED_LOST -> Outcome.LOST;
        };
    }

    /** Whether the deal is still being worked: not yet won or lost. */
    public boolean isOpen() {
        return outcome() == Outcome.NONE;
    }

    /** Whether moving from this stage to the other goes back in the funnel (a reason is needed). */
    public boolean isBackFrom(Stage from) {
        return isOpen() && from.isOpen() && ordinal() < from.ordinal();
    }
}
