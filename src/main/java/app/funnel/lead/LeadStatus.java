package app.funnel.lead;

import app.funnel.definition.Term;
import app.funnel.statistics.FunnelState;
import app.funnel.statistics.FunnelStep;
import app.funnel.statistics.Lifecycle;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a lead stands. MQL and SQL are gated by the definitions' criteria. Each status says its
 * facts here, once (the switches have no default: a new status does not compile until it says
 * them); the statistics derive every count and SQL list from them.
 */
public enum LeadStatus implements FunnelState {
    NEW(Term.LEAD),
    MQL(Term.MQL),
    SQL(Term.SQL),
    CONVERTED(Term.OPPORTUNITY),
    DISQUALIFIED(null);

    /** How the statistics count leads: their history rows are 'LEAD' rows; they count reaching MQL and SQL. */
    public static final Lifecycle LIFECYCLE = new Lifecycle("LEAD", List.of(values()),
            EnumSet.of(FunnelStep.MQL, FunnelStep.SQL));

    private final @Nullable Term term;

    LeadStatus(@Nullable Term term) {
        this.term = term;
    }

    /** The defined term whose criteria gate entry into this status, if any. */
    public @Nullable Term term() {
        return term;
    }

    @Override
    public FunnelStep step() {
        return switch (this) {
            case NEW, DISQUALIFIED -> FunnelStep.LEAD;
            case MQL -> FunnelStep.MQL;
            case SQL -> FunnelStep.SQL;
            case CONVERTED -> FunnelStep.OPPORTUNITY;
        };
    }

    @Override
    public boolean working() {
        return switch (this) {
            case NEW, MQL, SQL -> true;
            case CONVERTED, DISQUALIFIED -> false;
        };
    }

    @Override
    public Outcome outcome() {
        return switch (this) {
            case NEW, MQL, SQL, CONVERTED, DISQUALIFIED -> Outcome.NONE;
        };
    }
}
