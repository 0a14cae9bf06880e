package app.funnel.database;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * The embedded MariaDB's settings ({@code funnel.embedded-db.*}); its data directory is {@code funnel.data-dir}.
 *
 * @param port         the port, 0 for a free one picked at start
 * @param bufferPool   InnoDB's buffer pool ({@code FUNNEL_DB_MEMORY})
 * @param startTimeout how long to wait for the server to be ready ({@code FUNNEL_DB_START_TIMEOUT}, seconds)
 */
@ConfigurationProperties("funnel.embedded-db")
record EmbeddedDbProperties(@DefaultValue("0") int port, @DefaultValue(EmbeddedMariaDb.DEFAULT_BUFFER_POOL) String bufferPool,
                            @DefaultValue("180") @DurationUnit(ChronoUnit.SECONDS) Duration startTimeout) {

    /** How to start the server on a data directory with these settings (Funnel's start and the backup commands). */
    EmbeddedMariaDb.Settings on(java.nio.file.Path root) {
        return EmbeddedMariaDb.Settings.of(root).port(port).bufferPool(bufferPool).startTimeout(startTimeout);
    }
}
