package app.funnel.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Watches the embedded server and starts it again when its process died, so that Funnel recovers
 * without a person: meanwhile pages and saves say that the database is restarting, the readiness
 * probe says DOWN and web-form posts get 503 with Retry-After; afterwards the pool's new connections
 * reach the restarted server. An external database is not supervised (its own service restarts it);
 * the pool reconnects to it the same way.
 */
class DatabaseSupervisor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSupervisor.class);

    private final EmbeddedMariaDb server;

    DatabaseSupervisor(EmbeddedMariaDb server) {
        this.server = server;
    }

    @Scheduled(fixedDelayString = "${funnel.embedded-db.watch-interval:2s}", initialDelayString = "${funnel.embedded-db.watch-interval:2s}")
    void watch() {
        if (server.running()) {
            return;
        }
        log.warn("The embedded MariaDB is not running (its process ended): starting it again");
        try {
            server.restart();
        } catch (RuntimeException e) {
            log.error("Restarting the embedded MariaDB failed; trying again in a moment", e);
        }
    }
}
