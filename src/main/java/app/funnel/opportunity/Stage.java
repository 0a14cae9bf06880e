package app.funnel.opportunity;

import app.funnel.definition.Term;

/** Where a deal stands; entering a stage is gated by that stage's definition. */
public enum Stage {
    QUALIFICATION(Term.QUALIFICATION),
    PROPOSAL(Term.PROPOSAL),
    QUOTE(Term.QUOTE),
    NEGOTIATION(Term.NEGOTIATION),
    CLOSED_WON(Term.CLOSED_WON),
    CLOSED_LOST(Term.CLOSED_LOST);

    private final Term term;

    Stage(Term term) {
        this.term = term;
    }

    public Term term() {
        return term;
    }

    public boolean isOpen() {
        return this != CLOSED_WON && this != CLOSED_LOST;
    }

    /** Whether moving from this stage to the other goes back in the funnel (a reason is needed). */
    public boolean isBackFrom(Stage from) {
        return isOpen() && from.isOpen() && ordinal() < from.ordinal();
    }
}
