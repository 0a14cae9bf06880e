package app.funnel.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default run: no {@code spring.datasource.url} given, so Funnel starts its own MariaDB with
 * the data in {@code funnel.data-dir} ({@code FUNNEL_DATA_DIR}, default {@code ./data}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(app.funnel.base.FunnelProperties funnel, EmbeddedDbProperties db,
                                    BackupProperties backups) {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(db.on(Path.of(funnel.dataDir())));
        if (!backups.restoreFrom().isBlank()) {
            restore(server, Path.of(backups.restoreFrom()));
        }
        return server;
    }

    /** FUNNEL_RESTORE_FROM: a backup loaded into an empty data directory before anything else reads it. */
    private static void restore(EmbeddedMariaDb server, Path dump) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
        if (!Dumps.empty(server)) {
            log.info("FUNNEL_RESTORE_FROM is set but {} already holds data: nothing restored (unset it)",
                    server.dataDir());
            return;
        }
        if (!java.nio.file.Files.isRegularFile(dump)) {
            server.close();
            throw new IllegalStateException("FUNNEL_RESTORE_FROM=" + dump + " is not a file: give the path of a "
                    + "backup (funnel-...sql.gz)");
        }
        long started = System.nanoTime();
        Dumps.restore(server, dump);
        log.warn("Restored {} into {} ({} ms)", dump, server.dataDir(), (System.nanoTime() - started) / 1_000_000);
    }

    @Bean
    DatabaseSupervisor databaseSupervisor(EmbeddedMariaDb server) {
        return new DatabaseSupervisor(server);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb server) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(server.jdbcUrl())
                .username(server.username())
                .password(server.password())
                .build();
        dataSource.setPoolName("funnel-embedded");
        return dataSource;
    }
}
