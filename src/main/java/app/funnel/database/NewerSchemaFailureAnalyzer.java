package app.funnel.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A data directory written by a newer Funnel: one line that says what to do, not a stack trace. */
class NewerSchemaFailureAnalyzer extends AbstractFailureAnalyzer<Upgrades.NewerSchemaException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Upgrades.NewerSchemaException cause) {
        return new FailureAnalysis(cause.getMessage(), "Start the newer Funnel build on this data, or restore a "
                + "backup taken before the upgrade (FUNNEL_RESTORE_FROM) into an empty FUNNEL_DATA_DIR.", cause);
    }
}
