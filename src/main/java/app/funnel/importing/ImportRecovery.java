package app.funnel.importing;

import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, imports that were running when the application stopped are marked interrupted: what
 * they wrote stays (whole batches only) and can be undone; the history says so.
 */
@Component
class ImportRecovery {

    private final ImportStore store;
    private final Clock clock;

    ImportRecovery(ImportStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        store.interrupted("Funnel stopped during this import; the rows written before stay and can be undone.",
                clock.instant());
    }
}
