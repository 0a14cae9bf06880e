package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * {@code funnel backup} beside a running Funnel dumps the live database, verified, and leaves it
 * running; {@code funnel restore} loads that backup into an empty data directory and refuses one that
 * holds data or that a Funnel runs on; with Funnel stopped, {@code funnel backup} starts the database
 * for the dump and stops it again.
 */
class FunnelCommandsIT {

    /** The running "Funnel": a JVM of its own with Funnel's schema and a user in it. */
    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.of(Path.of(args[0])).bufferPool("64M"));
        Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).locations("classpath:db/migration")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (username, display_name, email, password_hash, enabled, created_at, "
                    + "updated_at, updated_by, version) VALUES ('kept', 'Ana Cópia', 'kept@example.com', 'x', TRUE, "
                    + "NOW(), NOW(), 'test', 0)");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void backup_beside_a_running_funnel_and_with_it_stopped_restore_only_into_an_empty_directory() throws Exception {
        Path root = Files.createTempDirectory("funnel-command-");
        Path backups = Files.createTempDirectory("funnel-command-backups-");
        Path restored = Files.createTempDirectory("funnel-command-restored-");
        Process funnel = ChildFunnels.start(FunnelCommandsIT.class, root.toString());
        try {
            ChildFunnels.awaitLine(funnel, "READY");
            EmbeddedMariaDb live = EmbeddedMariaDb.attach(root).orElseThrow();
            ProcessHandle server = ProcessHandle.of(Long.parseLong(Files.readString(
                    root.resolve("mariadb-tmp").resolve("mariadbd.pid")).strip())).orElseThrow();

            Run backup = run("backup", "--funnel.data-dir=" + root, "--funnel.backup.dir=" + backups);
            assertThat(backup.status).as(backup.err).isZero();
            assertThat(backup.out).contains("Funnel running on").contains("verified");
            List<Path> files = backups(backups);
            assertThat(files).hasSize(1);
            assertThat(files.getFirst().getFileName().toString()).matches("funnel-\\d{8}-\\d{6}Z-V\\d+\\.sql\\.gz");
            assertThat(server.isAlive()).as("the running Funnel's database keeps running").isTrue();
            try (Connection c = DriverManager.getConnection(live.jdbcUrl(), live.username(), live.password());
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT value FROM app_setting WHERE name = 'backup.last.file'")) {
                assertThat(rows.next()).as("the Backups page sees the command's backup").isTrue();
                assertThat(rows.getString(1)).isEqualTo(files.getFirst().toString());
            }

            Run busy = run("restore", files.getFirst().toString(), "--funnel.data-dir=" + root);
            assertThat(busy.status).isEqualTo(1);
            assertThat(busy.err).contains("a Funnel is running on").contains("empty FUNNEL_DATA_DIR");

            Run restore = run("restore", files.getFirst().toString(), "--funnel.data-dir=" + restored);
            assertThat(restore.status).as(restore.err).isZero();
            assertThat(restore.out).contains("Restored").contains("FUNNEL_DATA_DIR=" + restored);
            try (EmbeddedMariaDb copy = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.of(restored).bufferPool("64M"));
                 Connection c = DriverManager.getConnection(copy.jdbcUrl(), copy.username(), copy.password());
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT display_name FROM app_user WHERE username = 'kept'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Ana Cópia");
            }
            Run again = run("restore", files.getFirst().toString(), "--funnel.data-dir=" + restored);
            assertThat(again.status).isEqualTo(1);
            assertThat(again.err).contains("already holds").contains("nothing was changed");
            Path garbage = backups.resolve("not-a-backup.sql");
            Files.writeString(garbage, "this is not SQL;\n");
            Path broken = Files.createTempDirectory("funnel-command-broken-");
            Run bad = run("restore", garbage.toString(), "--funnel.data-dir=" + broken,
                    "--funnel.embedded-db.buffer-pool=64M");
            FileSystemUtils.deleteRecursively(broken);
            assertThat(bad.status).isEqualTo(1);
            assertThat(bad.err).contains("failed").contains("delete that directory before trying again");
            Run unnamed = run("restore", "--funnel.data-dir=" + restored);
            assertThat(unnamed.status).isEqualTo(1);
            assertThat(unnamed.err).contains("name the backup to restore");

            funnel.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            server.onExit().get(60, TimeUnit.SECONDS);
            Thread.sleep(1000); // two backups a second apart have different names
            Run stopped = run("backup", "--funnel.data-dir=" + root, "--funnel.backup.dir=" + backups,
                    "--funnel.embedded-db.buffer-pool=64M");
            assertThat(stopped.status).as(stopped.err).isZero();
            assertThat(stopped.out).contains("Funnel is not running").contains("verified");
            assertThat(backups(backups)).hasSize(2); // the .sql file above is not one of them
            assertThat(EmbeddedMariaDb.attach(root)).as("the command stopped the database it started").isEmpty();
        } finally {
            ChildFunnels.cleanUp(funnel, root);
            FileSystemUtils.deleteRecursively(backups);
            FileSystemUtils.deleteRecursively(restored);
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FunnelCommands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<Path> backups(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql.gz")).sorted().toList();
        }
    }
}
