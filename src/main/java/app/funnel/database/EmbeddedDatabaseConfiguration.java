package app.funnel.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
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
    EmbeddedMariaDb embeddedMariaDb(@Value("${funnel.data-dir:./data}") String dataDir,
                                    @Value("${funnel.embedded-db.port:0}") int port,
                                    @Value("${funnel.embedded-db.buffer-pool:" + EmbeddedMariaDb.DEFAULT_BUFFER_POOL
                                            + "}") String bufferPool,
                                    @Value("${funnel.embedded-db.start-timeout:180}") long startTimeoutSeconds) {
        return EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.of(Path.of(dataDir)).port(port).bufferPool(bufferPool)
                .startTimeout(java.time.Duration.ofSeconds(startTimeoutSeconds)));
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
