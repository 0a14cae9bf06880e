package app.funnel.bulk;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.RefusedException;
import app.funnel.definition.Criterion;
import app.funnel.definition.TransitionRefusedException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Why a row was refused, in the words the single change would use: a translation key and its arguments. */
final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    record Reason(String messageKey, List<Object> arguments) {
    }

    private Refusals() {
    }

    /** Whether the problem is a refusal a person can act on (the row stays as it was), not a fault. */
    static boolean expected(Throwable problem) {
        return app.funnel.base.Causes.find(problem, RefusedException.class) != null || app.funnel.base.Causes.find(problem, AccessDeniedException.class) != null
                || app.funnel.base.Causes.find(problem, ConcurrentChangeException.class) != null
                || app.funnel.base.Causes.find(problem, OptimisticLockingFailureException.class) != null
                || app.funnel.base.Causes.find(problem, InvalidInputException.class) != null
                || app.funnel.base.Causes.find(problem, TransitionRefusedException.class) != null
                || app.funnel.base.Causes.find(problem, app.funnel.lead.DuplicatesFoundException.class) != null;
    }

    static Reason of(Throwable problem) {
        RefusedException refused = app.funnel.base.Causes.find(problem, RefusedException.class);
        if (refused != null) {
            return new Reason(refused.messageKey(), List.of(refused.arguments()));
        }
        if (app.funnel.base.Causes.find(problem, AccessDeniedException.class) != null) {
            return new Reason("refused.generic", List.of());
        }
        ConcurrentChangeException conflict = app.funnel.base.Causes.find(problem, ConcurrentChangeException.class);
        if (conflict != null) {
            return new Reason("bulk.refused.changed", List.of(conflict.changedBy()));
        }
        if (app.funnel.base.Causes.find(problem, OptimisticLockingFailureException.class) != null) {
            return new Reason("bulk.refused.changed", List.of("?"));
        }
        InvalidInputException invalid = app.funnel.base.Causes.find(problem, InvalidInputException.class);
        if (invalid != null) {
            return new Reason(invalid.messageKey(), List.of(invalid.arguments()));
        }
        TransitionRefusedException unmet = app.funnel.base.Causes.find(problem, TransitionRefusedException.class);
        if (unmet != null) {
            return new Reason("bulk.refused.criteria", List.of(String.join(", ",
                    unmet.verdict().unmet().stream().map(Criterion::name).toList())));
        }
        if (app.funnel.base.Causes.find(problem, app.funnel.lead.DuplicatesFoundException.class) != null) {
            return new Reason("bulk.refused.duplicates", List.of());
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Bulk action: unexpected error on a row, incident {}", incident, problem);
        return new Reason("error.unexpected", List.of(incident));
    }
}
