package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Funnel killed with -9 leaves its database server running on the data directory; the next start
 * stops that orphan cleanly and starts, with the data intact. While the first Funnel still runs, a
 * second one on the same directory is refused, saying why.
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
    void a_server_left_by_a_killed_funnel_is_stopped_at_the_next_start_and_the_data_is_kept() throws Exception {
        Path root = Files.createTempDirectory("funnel-orphan-");
        Process funnel = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanServerIT.class.getName(), root.toString())
                .redirectErrorStream(true).start();
        try {
            long serverPid = readyServer(funnel);
            ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();

            // the first Funnel runs: a second one on its data directory is refused
            assertThatThrownBy(() -> EmbeddedMariaDb.start(root, "funnel", 0))
                    .hasMessageContaining("Another Funnel").hasMessageContaining("FUNNEL_DATA_DIR");
            assertThat(server.isAlive()).isTrue();

            funnel.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(server.isAlive()).as("the server outlives the killed JVM").isTrue();

            try (EmbeddedMariaDb next = EmbeddedMariaDb.start(root, "funnel", 0)) {
                assertThat(server.isAlive()).isFalse();
                try (Connection c = DriverManager.getConnection(next.jdbcUrl(), next.username(), next.password());
                     Statement s = c.createStatement();
                     ResultSet rows = s.executeQuery("SELECT name FROM kept")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("Ana Órfã");
                }
            }
        } finally {
            ChildFunnels.cleanUp(funnel, root);
        }
    }

    private static long readyServer(Process funnel) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(funnel.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                long pid = Long.parseLong(line.substring(6).strip());
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "orphan-test-output");
                drain.setDaemon(true);
                drain.start();
                return pid;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the first Funnel did not start its database:\n" + seen);
    }
}
