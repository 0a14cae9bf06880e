package app.funnel.shell;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.RefusedException;
import app.funnel.base.ui.Messages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place where an exception that a view did not handle reaches the user: every session gets
 * this error handler instead of Vaadin's default (a stack trace in the log and nothing, or a
 * technical sentence, on screen). A refusal says its reason in the user's language and refreshes the
 * view, so that a stale screen (a record reassigned while a dialog was open) shows what is true now;
 * a concurrent change says reload; anything else gets a translated apology with an incident id that
 * the log repeats with the stack trace.
 */
@Component
class ErrorReporting implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorReporting.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ErrorReporting::report));
    }

    static void report(ErrorEvent event) {
        UI ui = UI.getCurrent();
        Throwable problem = event.getThrowable();
        if (ui == null) {
            log.error("Unexpected error outside a UI", problem);
            return;
        }
        Messages.error(message(ui, problem));
        if (app.funnel.base.Causes.find(problem, AccessDeniedException.class) != null) {
            refresh(ui);
        }
    }

    /** What to tell the user, in their language. */
    static String message(UI ui, Throwable problem) {
        RefusedException refused = app.funnel.base.Causes.find(problem, RefusedException.class);
        if (refused != null) {
            log.info("Refused: {}", refused.getMessage());
            return ui.getTranslation("refused.title") + " " + ui.getTranslation(refused.messageKey(), refused.arguments());
        }
        AccessDeniedException denied = app.funnel.base.Causes.find(problem, AccessDeniedException.class);
        if (denied != null) {
            log.info("Access denied: {}", denied.getMessage());
            return ui.getTranslation("refused.title") + " " + ui.getTranslation("refused.generic");
        }
        ConcurrentChangeException conflict = app.funnel.base.Causes.find(problem, ConcurrentChangeException.class);
        if (conflict != null) {
            return ui.getTranslation("conflict.message", conflict.changedBy(), Messages.dateTime(conflict.changedAt()));
        }
        var lost = app.funnel.base.Causes.find(problem, org.springframework.orm.ObjectOptimisticLockingFailureException.class);
        if (lost != null) {
            // the application's own bean, through the session's instantiator (Spring's)
            var explained = ui.getSession().getService().getInstantiator()
                    .getOrCreate(app.funnel.base.ConcurrentChanges.class).explain(lost);
            if (explained.isPresent()) {
                return ui.getTranslation("conflict.message", explained.get().changedBy(),
                        Messages.dateTime(explained.get().changedAt()));
            }
        }
        if (app.funnel.base.Causes.find(problem, OptimisticLockingFailureException.class) != null
                || app.funnel.base.Causes.find(problem, jakarta.persistence.OptimisticLockException.class) != null) {
            return ui.getTranslation("conflict.unknown");
        }
        InvalidInputException invalid = app.funnel.base.Causes.find(problem, InvalidInputException.class);
        if (invalid != null) {
            return ui.getTranslation(invalid.messageKey(), invalid.arguments());
        }
        if (databaseAway(problem)) {
            app.funnel.base.ui.WhileDatabaseAway.noteAway();
            log.warn("The database is not reachable: {}", problem.getMessage());
            return ui.getTranslation("database.away");
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, incident {}", incident, problem);
        return ui.getTranslation("error.unexpected", incident);
    }

    /** Whether the problem is that the database cannot be reached (stopped, restarting, gone). */
    static boolean databaseAway(Throwable problem) {
        return app.funnel.base.DatabaseAway.is(problem);
    }

    private static void refresh(UI ui) {
        ui.getChildren().filter(Dialog.class::isInstance).map(Dialog.class::cast).toList().forEach(Dialog::close);
        ui.refreshCurrentRoute(false);
    }
}
