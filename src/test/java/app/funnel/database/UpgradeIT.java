package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.SharedTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database made by every earlier landed build starts on this one: the migrations of each landing
 * (V3 after session 1, V6 after session 2, V9 after session 3, V12 after session 4; their files
 * then were the files now, which {@link MigrationsTest} keeps so), with a lead in it, are taken to
 * the newest version and end with the schema a new database gets.
 */
class UpgradeIT {

    @ParameterizedTest(name = "from V{0}")
    @ValueSource(strings = {"3", "6", "9", "12"})
    void a_database_of_an_earlier_landing_upgrades_to_the_schema_of_a_new_one(String landedAt) throws Exception {
        EmbeddedMariaDb server = SharedTestDatabase.server();
        String fresh = schema("funnel_upgrade_fresh");
        flyway(fresh, null).migrate();
        String old = schema("funnel_upgrade_from_" + landedAt);
        flyway(old, landedAt).migrate();
        try (Connection c = connect(old); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (username, display_name, email, password_hash, enabled, created_at, "
                    + "updated_at, updated_by, version) VALUES ('kept', 'Kept', 'kept@example.com', 'x', TRUE, NOW(), NOW(), 'test', 0)");
        }

        flyway(old, null).migrate();

        assertThat(shape(old)).isEqualTo(shape(fresh));
        try (Connection c = connect(old); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT display_name FROM app_user WHERE username = 'kept'")) {
            assertThat(rows.next()).isTrue();
        }
        assertThat(flyway(old, null).validateWithResult().validationSuccessful).isTrue();
        assertThat(server).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void a_start_that_will_migrate_a_database_holding_data_backs_it_up_first_and_one_with_nothing_to_run_does_not()
            throws Exception {
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("funnel-upgrade-backup-");
        java.nio.file.Path backups = root.resolve("backups");
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.of(root).bufferPool("64M"))) {
            Flyway.configure().dataSource(server.jdbcUrl(), server.username(), server.password())
                    .locations("classpath:db/migration").target("12").load().migrate();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("INSERT INTO app_user (username, display_name, email, password_hash, enabled, created_at, "
                        + "updated_at, updated_by, version) VALUES ('before', 'Antes da Atualização', 'before@example.com', "
                        + "'x', TRUE, NOW(), NOW(), 'test', 0)");
            }
            var strategy = new Upgrades().migrationStrategy(
                    new org.springframework.beans.factory.support.StaticListableBeanFactory(
                            java.util.Map.of("server", server)).getBeanProvider(EmbeddedMariaDb.class),
                    new BackupProperties(backups.toString(), "-", 7, true, ""), java.time.Clock.systemUTC());
            Flyway newest = Flyway.configure().dataSource(server.jdbcUrl(), server.username(), server.password())
                    .locations("classpath:db/migration").load();

            strategy.migrate(newest);

            List<java.nio.file.Path> written;
            try (var files = java.nio.file.Files.list(backups)) {
                written = files.toList();
            }
            assertThat(written).hasSize(1);
            assertThat(written.getFirst().getFileName().toString()).endsWith("-V12.sql.gz");
            String dump;
            try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(written.getFirst()))) {
                dump = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(dump).as("the backup holds the data as it was before the upgrade")
                    .contains("Antes da Atualização").contains("V12__").doesNotContain("V13__");
            assertThat(newest.info().pending()).as("the upgrade ran after the backup").isEmpty();

            strategy.migrate(newest);
            try (var files = java.nio.file.Files.list(backups)) {
                assertThat(files.count()).as("nothing to migrate, no backup").isEqualTo(1);
            }
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(root);
        }
    }

    private static Flyway flyway(String url, String target) {
        EmbeddedMariaDb server = SharedTestDatabase.server();
        var config = Flyway.configure().dataSource(url, server.username(), server.password())
                .locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    /** Every table's columns and indexes, as information_schema tells them. */
    private static List<String> shape(String url) throws SQLException {
        List<String> shape = new ArrayList<>();
        String schema = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, "
                    + "COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + schema
                    + "' AND TABLE_NAME <> 'flyway_schema_history' ORDER BY 1, ORDINAL_POSITION")) {
                while (rows.next()) {
                    shape.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4) + " " + rows.getString(5));
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, COLLATION "
                    + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '" + schema
                    + "' AND TABLE_NAME <> 'flyway_schema_history' ORDER BY 1, 2, 3")) {
                while (rows.next()) {
                    shape.add("index " + rows.getString(1) + "." + rows.getString(2) + " " + rows.getInt(3) + " "
                            + rows.getString(4) + " " + rows.getString(5));
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE "
                    + "TRIGGER_SCHEMA = '" + schema + "' ORDER BY 1")) {
                while (rows.next()) {
                    shape.add("trigger " + rows.getString(1));
                }
            }
        }
        return shape;
    }

    private static String schema(String name) throws SQLException {
        EmbeddedMariaDb server = SharedTestDatabase.server();
        String base = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(base, server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return base + name;
    }

    private static Connection connect(String url) throws SQLException {
        EmbeddedMariaDb server = SharedTestDatabase.server();
        return DriverManager.getConnection(url, server.username(), server.password());
    }
}
