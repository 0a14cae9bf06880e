package app.funnel;

import app.funnel.database.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Every Spring context that a test starts uses one embedded MariaDB for the whole test run, with a
 * throwaway data directory under {@code target/}. A test that needs a server of its own (the restart
 * test) sets {@code funnel.test.shared-db=false}.
 */
public class SharedTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedMariaDb server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if ("false".equals(environment.getProperty("funnel.test.shared-db"))
                || environment.getProperty("spring.datasource.url") != null) {
            return;
        }
        EmbeddedMariaDb db = server();
        environment.getPropertySources().addFirst(new MapPropertySource("sharedTestDatabase", Map.of(
                "spring.datasource.url", db.jdbcUrl(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password(),
                "funnel.demo", "true")));
    }

    /** The shared server, started on first use and stopped when the test JVM ends. */
    public static synchronized EmbeddedMariaDb server() {
        if (server == null) {
            Path root = workDir().resolve("shared-db-" + ProcessHandle.current().pid());
            FileSystemUtils.deleteRecursively(root.toFile());
            // tests that need a schema of their own (an "external" database) name it funnel_...
            server = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.of(root).extraSchemas("funnel\\_%"));
            EmbeddedMariaDb started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                FileSystemUtils.deleteRecursively(root.toFile());
            }, "shared-test-db-stop"));
        }
        return server;
    }

    /** Where tests keep throwaway files: {@code target/it} under Maven. */
    public static Path workDir() {
        Path dir = Path.of(System.getProperty("funnel.test.work-dir", "target/it"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
