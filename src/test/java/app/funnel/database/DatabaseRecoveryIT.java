package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.Application;
import app.funnel.TestLogins;
import app.funnel.importing.DuplicateChoice;
import app.funnel.importing.ImportOptions;
import app.funnel.importing.ImportService;
import app.funnel.importing.ImportStatus;
import app.funnel.importing.ImportSummary;
import app.funnel.lead.LeadSource;
import app.funnel.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded database killed under a running Funnel (kill -9 of mariadbd): while it is away the
 * readiness probe says DOWN and a web form's post gets 503 with Retry-After (never a redirect to the
 * login page); the supervisor starts it again on the same data directory, after which the app works
 * without a restart and every committed row is there. The watch is slowed down here so that the
 * "away" answers can be seen before it acts; by default it looks every 2 s.
 */
@org.junit.jupiter.api.extension.ExtendWith(app.funnel.RestoresSecurityContextStrategy.class)
class DatabaseRecoveryIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void a_killed_database_is_restarted_and_nothing_committed_is_lost() throws Exception {
        Path dataDir = Files.createTempDirectory("funnel-recovery-");
        try (ConfigurableApplicationContext app = start(dataDir)) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long owner = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'marketing'", Long.class);
            jdbc.update("INSERT INTO capture_form (form_key, name, source, signal_kind, allowed_origins, owner_id, "
                    + "created_at, created_by) VALUES ('recovery-key', 'Recovery', 'WEBSITE_FORM', 'CONTACT_FORM', '', ?, "
                    + "UTC_TIMESTAMP(), 'test')", owner);
            assertThat(post(base, "ana.antes@example.com").statusCode()).isEqualTo(201);
            long leads = jdbc.queryForObject("SELECT COUNT(*) FROM leads", Long.class);
            assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(200);

            EmbeddedMariaDb server = app.getBean(EmbeddedMariaDb.class);
            ProcessHandle mariadbd = ProcessHandle.of(Long.parseLong(Files.readString(
                    dataDir.resolve("mariadb-tmp").resolve("mariadbd.pid")).strip())).orElseThrow();
            mariadbd.destroyForcibly();
            mariadbd.onExit().get(30, TimeUnit.SECONDS);
            assertThat(server.running()).isFalse();

            HttpResponse<String> away = post(base, "bia.durante@example.com");
            assertThat(away.statusCode()).isEqualTo(503);
            assertThat(away.headers().firstValue("Retry-After")).contains("30");
            assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);

            long killed = System.nanoTime();
            app.getBean(DatabaseSupervisor.class).watch();
            assertThat(server.running()).isTrue();
            // the pool drops its dead connections and opens new ones to the restarted server
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status;
            do {
                status = get(base + "/actuator/health/readiness").statusCode();
            } while (status != 200 && System.nanoTime() < deadline && sleep());
            System.out.printf("Recovered from a killed database in %d ms%n", (System.nanoTime() - killed) / 1_000_000);
            assertThat(status).isEqualTo(200);
            assertThat(post(base, "caio.depois@example.com").statusCode()).isEqualTo(201);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads", Long.class)).isEqualTo(leads + 1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE email = 'ana.antes@example.com'",
                    Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(n), 0) FROM lead_tally", Long.class))
                    .as("the tally equals the leads").isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM leads", Long.class));
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Test
    void an_import_cut_off_by_a_killed_database_ends_failed_saying_so_and_stays_undoable() throws Exception {
        Path dataDir = Files.createTempDirectory("funnel-recovery-import-");
        try (ConfigurableApplicationContext app = start(dataDir)) {
            var imports = app.getBean(ImportService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long owner = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'marketing'", Long.class);
            TestLogins.as("marketing", Role.MARKETING);
            StringBuilder text = new StringBuilder("First name,Last name,Email\n");
            for (int i = 0; i < 60_000; i++) {
                text.append("Ana").append(i).append(",Corte,ana").append(i).append("@corte.example.com\n");
            }
            Path csv = Files.createTempFile("cut-off", ".csv");
            Files.writeString(csv, text);
            var file = imports.analyze(csv, "cut-off.csv");
            ImportService.Translator keys = (key, args) -> key;
            long id = imports.start(file, new ImportOptions(imports.guessMapping(file),
                    DuplicateChoice.SKIP, true, LeadSource.EVENT, null, owner), keys);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (imports.get(id).processed() < 1000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ProcessHandle mariadbd = ProcessHandle.of(Long.parseLong(Files.readString(
                    dataDir.resolve("mariadb-tmp").resolve("mariadbd.pid")).strip())).orElseThrow();
            mariadbd.destroyForcibly();
            mariadbd.onExit().get(30, TimeUnit.SECONDS);
            Thread.sleep(1000);
            app.getBean(DatabaseSupervisor.class).watch();

            ImportSummary summary = null;
            deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    summary = imports.get(id);
                    if (summary.status() != ImportStatus.RUNNING) {
                        break;
                    }
                } catch (RuntimeException stillAway) {
                    // the pool reconnects
                }
                Thread.sleep(250);
            }
            assertThat(summary).isNotNull();
            assertThat(summary.status()).as("the import does not stay running").isEqualTo(
                    ImportStatus.FAILED);
            assertThat(summary.message()).isEqualTo("import.error.database-away");
            assertThat(summary.processed()).isLessThan(60_000);
            long written = jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE email LIKE '%@corte.example.com'",
                    Long.class);
            var undone = imports.undo(id);
            assertThat(undone.status()).isEqualTo(ImportStatus.UNDONE);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE email LIKE '%@corte.example.com'",
                    Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(n), 0) FROM lead_tally", Long.class))
                    .as("the tally equals the leads").isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM leads", Long.class));
            System.out.printf("Import cut off after %d rows written, marked failed, undone%n", written);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /**
     * Shutdown (what SIGTERM runs: Spring's shutdown hook closes the application) while an import runs:
     * the import finishes, every row stored, before the database stops; nothing of the server is left.
     */
    @Test
    void an_import_running_at_shutdown_finishes_before_the_database_stops() throws Exception {
        Path dataDir = Files.createTempDirectory("funnel-shutdown-import-");
        int rows = 8_000;
        long id;
        long serverPid;
        ConfigurableApplicationContext app = start(dataDir);
        try {
            var imports = app.getBean(ImportService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long owner = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'marketing'", Long.class);
            TestLogins.as("marketing", Role.MARKETING);
            StringBuilder text = new StringBuilder("First name,Last name,Email\n");
            for (int i = 0; i < rows; i++) {
                text.append("Bia").append(i).append(",Parada,bia").append(i).append("@parada.example.com\n");
            }
            Path csv = Files.createTempFile("shutdown", ".csv");
            Files.writeString(csv, text);
            var file = imports.analyze(csv, "shutdown.csv");
            id = imports.start(file, new ImportOptions(imports.guessMapping(file), DuplicateChoice.SKIP, true,
                    LeadSource.EVENT, null, owner), (key, args) -> key);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (imports.get(id).processed() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            ImportSummary running = imports.get(id);
            assertThat(running.status()).as("the import still runs when the shutdown begins").isEqualTo(ImportStatus.RUNNING);
            assertThat(running.processed()).isLessThan(rows);
            serverPid = Long.parseLong(Files.readString(dataDir.resolve("mariadb-tmp").resolve("mariadbd.pid")).strip());
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        try {
            long closing = System.nanoTime();
            app.close();
            System.out.printf("Shutdown with an import running took %d ms%n", (System.nanoTime() - closing) / 1_000_000);
            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the database stopped with Funnel").isFalse();
            try (EmbeddedMariaDb db = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.of(dataDir).bufferPool("64M"))) {
                JdbcTemplate after = new JdbcTemplate(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                        new org.mariadb.jdbc.Driver(), db.jdbcUrl(), db.username(), db.password()));
                assertThat(after.queryForObject("SELECT status FROM lead_import WHERE id = ?", String.class, id))
                        .isEqualTo("DONE");
                assertThat(after.queryForObject("SELECT processed_rows FROM lead_import WHERE id = ?", Integer.class, id))
                        .isEqualTo(rows);
                assertThat(after.queryForObject("SELECT COUNT(*) FROM leads WHERE email LIKE '%@parada.example.com'",
                        Long.class)).isEqualTo(rows);
                assertThat(after.queryForObject("SELECT COALESCE(SUM(n), 0) FROM lead_tally", Long.class))
                        .as("the tally equals the leads")
                        .isEqualTo(after.queryForObject("SELECT COUNT(*) FROM leads", Long.class));
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** Funnel on its own embedded database, with the supervisor left to the test to call. */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Application.class).run("--funnel.test.shared-db=false",
                "--funnel.data-dir=" + dataDir, "--server.port=0", "--funnel.embedded-db.watch-interval=1h",
                "--vaadin.devmode.devTools.enabled=false");
    }

    private HttpResponse<String> post(String base, String email) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/capture/recovery-key"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Ana\",\"lastName\":\"Teste Recuperação\","
                        + "\"email\":\"" + email + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
