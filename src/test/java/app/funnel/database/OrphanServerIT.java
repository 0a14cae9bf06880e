package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Funnel killed with -9 takes its database server with it (the watchdog stops it cleanly), and
 * when a server is left running all the same (the watchdog gone too), the next start stops that
 * orphan cleanly and starts, with the data intact. While the first Funnel still runs, a second one
 * on the same directory is refused, saying why.
 */
class OrphanServerIT {

    /** The "Funnel" that gets killed: a JVM of its own that starts the server and writes a row. */
    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(Path.of(args[0]), "funnel", 0);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (name VARCHAR(50)) DEFAULT CHARSET = utf8mb4");
            s.execute("INSERT INTO kept VALUES ('Ana Órfã')");
        }
        long server = Long.parseLong(Files.readString(Path.of(args[0], "mariadb-tmp", "mariadbd.pid")).strip());
        System.out.println("READY " + server);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void a_killed_funnel_takes_its_database_server_with_it_and_the_next_start_finds_the_data() throws Exception {
        Path root = Files.createTempDirectory("funnel-orphan-");
        Process funnel = startFunnel(root);
        try {
            ProcessHandle server = ProcessHandle.of(readyServer(funnel)).orElseThrow();

            // the first Funnel runs: a second one on its data directory is refused
            assertThatThrownBy(() -> EmbeddedMariaDb.start(root, "funnel", 0))
                    .hasMessageContaining("Another Funnel").hasMessageContaining("FUNNEL_DATA_DIR");
            assertThat(server.isAlive()).isTrue();

            long killed = System.nanoTime();
            funnel.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            server.onExit().get(60, TimeUnit.SECONDS);
            System.out.printf("The database server stopped %d ms after its Funnel was killed%n",
                    (System.nanoTime() - killed) / 1_000_000);

            assertKeptRow(root);
        } finally {
            ChildFunnels.cleanUp(funnel, root);
        }
    }

    @Test
    void a_server_left_by_a_killed_funnel_is_stopped_at_the_next_start_and_the_data_is_kept() throws Exception {
        Path root = Files.createTempDirectory("funnel-orphan-");
        Process funnel = startFunnel(root);
        try {
            ProcessHandle server = ProcessHandle.of(readyServer(funnel)).orElseThrow();
            // the watchdog gone too (killed with the JVM's process group, or an OS without sh): an orphan
            ProcessHandle watchdog = funnel.toHandle().children()
                    .filter(p -> p.info().commandLine().orElse("").contains("funnel-db-watchdog")).findFirst()
                    .orElseThrow(() -> new AssertionError("no watchdog runs beside the server"));
            watchdog.destroyForcibly();
            watchdog.onExit().get(10, TimeUnit.SECONDS);

            funnel.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(1000);
            assertThat(server.isAlive()).as("the server outlives the killed JVM and its watchdog").isTrue();

            assertKeptRow(root);
            assertThat(server.isAlive()).isFalse();
        } finally {
            ChildFunnels.cleanUp(funnel, root);
        }
    }

    private static Process startFunnel(Path root) throws java.io.IOException {
        return ChildFunnels.start(OrphanServerIT.class, root.toString());
    }

    /** The next start on the directory works and finds the first Funnel's row. */
    private static void assertKeptRow(Path root) throws Exception {
        try (EmbeddedMariaDb next = EmbeddedMariaDb.start(root, "funnel", 0);
             Connection c = DriverManager.getConnection(next.jdbcUrl(), next.username(), next.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT name FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Ana Órfã");
        }
    }

    private static long readyServer(Process funnel) throws Exception {
        return Long.parseLong(ChildFunnels.awaitLine(funnel, "READY ").substring(6).strip());
    }
}
