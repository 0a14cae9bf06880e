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
    EmbeddedMariaDb embeddedMariaDb(app.funnel.base.FunnelProperties funnel, EmbeddedDbProperties db) {
        return EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.of(Path.of(funnel.dataDir())).port(db.port())
                .bufferPool(db.bufferPool()).startTimeout(db.startTimeout()));
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
