package app.funnel.database;

import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How a start brings the schema up to this build: a data directory written by a newer build is
 * refused with one line saying what to do (an older build would misread it), and before new
 * migrations run on an embedded database that holds data, a backup is taken, so that an upgrade
 * that goes wrong is a restore away.
 */
@Configuration(proxyBeanMethods = false)
class Upgrades {

    private static final Logger log = LoggerFactory.getLogger(Upgrades.class);

    @Bean
    FlywayMigrationStrategy migrationStrategy(ObjectProvider<EmbeddedMariaDb> server, BackupProperties backups,
                                              Clock clock) {
        return flyway -> {
            MigrationInfoService info = flyway.info();
            MigrationInfo[] applied = info.applied();
            MigrationInfo[] available = info.all();
            refuseNewer(applied, available);
            EmbeddedMariaDb db = server.getIfAvailable();
            if (db != null && info.current() != null && info.pending().length > 0) {
                String version = info.current().getVersion().getVersion();
                log.info("The schema is at version {}; {} migrations to run: backing up first", version,
                        info.pending().length);
                var file = Dumps.write(db, java.nio.file.Path.of(backups.dir()).toAbsolutePath().normalize(),
                        clock.instant(), version);
                log.info("Backup before the upgrade written to {}", file);
            }
            flyway.migrate();
        };
    }

    /** The data's schema is newer than this build's. */
    static final class NewerSchemaException extends IllegalStateException {
        NewerSchemaException(String message) {
            super(message);
        }
    }

    /** A schema version no migration of this build knows: the data comes from a newer Funnel. */
    static void refuseNewer(MigrationInfo[] applied, MigrationInfo[] available) {
        org.flywaydb.core.api.MigrationVersion newest = null;
        for (MigrationInfo m : available) {
            if (m.getVersion() != null && m.getState() != org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS
                    && m.getState() != org.flywaydb.core.api.MigrationState.FUTURE_FAILED
                    && (newest == null || m.getVersion().isNewerThan(newest.getVersion()))) {
                newest = m.getVersion();
            }
        }
        for (MigrationInfo m : applied) {
            if (m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS
                    || m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_FAILED) {
                throw new NewerSchemaException("This database was written by a newer Funnel (schema version "
                        + m.getVersion() + ", this build knows up to " + newest + "): run that newer build, or "
                        + "restore a backup taken before it (FUNNEL_RESTORE_FROM) into an empty FUNNEL_DATA_DIR.");
            }
        }
    }
}
