package app.funnel.lead;

import app.funnel.definition.Term;
import org.jspecify.annotations.Nullable;

/** Where a lead stands. MQL and SQL are gated by the definitions' criteria. */
public enum LeadStatus {
    NEW(Term.LEAD),
    MQL(Term.MQL),
    SQL(Term.SQL),
    CONVERTED(Term.OPPORTUNITY),
    DISQUALIFIED(null);

    private final @Nullable Term term;

    LeadStatus(@Nullable Term term) {
        this.term = term;
    }

    /** The defined term whose criteria gate entry into this status, if any. */
    public @Nullable Term term() {
        return term;
    }
}
