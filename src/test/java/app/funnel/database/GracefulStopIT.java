package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SIGTERM to a Funnel taking web-form posts (a JVM of its own, as users run it): the posts in
 * flight are answered and stored, none is answered with a redirect or an error page, the embedded
 * database stops after the web server and does not outlive the JVM, and afterwards every post
 * answered 201 is a lead, with the tally equal to the leads. SIGKILL (a crash) the same, except
 * that posts in flight are cut off unanswered: the database still goes with the JVM, and the next
 * start finds every answered post and a tally equal to the leads.
 */
class GracefulStopIT {

    private static final Pattern DB_PORT = Pattern.compile("Embedded MariaDB ready on 127\\.0\\.0\\.1:(\\d+)");

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"SIGTERM", "SIGKILL"})
    void a_stop_under_capture_load_keeps_every_post_answered_and_takes_the_database_with_it(String signal)
            throws Exception {
        boolean kill = signal.equals("SIGKILL");
        Path root = Files.createTempDirectory("funnel-sigterm-");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process funnel = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.funnel.Application",
                "--funnel.test.shared-db=false", "--funnel.data-dir=" + root, "--server.port=" + port, "--funnel.demo=false",
                "--funnel.backup.cron=-", "--funnel.capture.per-address-per-minute=1000000",
                "--funnel.capture.per-key-per-minute=1000000", "--vaadin.devmode.devTools.enabled=false")
                .redirectErrorStream(true).start();
        List<String> log = new CopyOnWriteArrayList<>();
        int[] dbPort = {0};
        AtomicBoolean started = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(funnel.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.add(line);
                    Matcher m = DB_PORT.matcher(line);
                    if (m.find()) {
                        dbPort[0] = Integer.parseInt(m.group(1));
                    }
                    if (line.contains("Started Application")) {
                        started.set(true);
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        }, "sigterm-test-output");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (!started.get() && funnel.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(started.get()).as("Funnel started:\n%s", String.join("\n", log)).isTrue();
            // ready only after the start-up runners (the first admin among them) have run
            HttpClient probe = HttpClient.newHttpClient();
            while (probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            String password = Files.readString(root.resolve("db-password")).strip();
            String url = "jdbc:mariadb://127.0.0.1:" + dbPort[0] + "/funnel";
            try (Connection c = DriverManager.getConnection(url, "funnel", password); Statement s = c.createStatement()) {
                int forms = s.executeUpdate("INSERT INTO capture_form (form_key, name, source, signal_kind, allowed_origins, owner_id, "
                        + "created_at, created_by) SELECT 'sigterm-key', 'Stop', 'WEBSITE_FORM', 'CONTACT_FORM', '', id, "
                        + "UTC_TIMESTAMP(), 'test' FROM app_user ORDER BY id LIMIT 1");
                assertThat(forms).as("the form is stored").isEqualTo(1);
            }
            long serverPid = Long.parseLong(Files.readString(root.resolve("mariadb-tmp").resolve("mariadbd.pid")).strip());

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Map<String, Integer> answered = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> posters = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                Thread poster = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String email = "stop." + thread + "." + i + "@sigterm.example.com";
                        try {
                            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/api/capture/sigterm-key"))
                                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Sig\",\"lastName\":\"Term\","
                                            + "\"email\":\"" + email + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                            answered.put(email, answer.statusCode());
                        } catch (java.io.IOException | InterruptedException closed) {
                            refused.incrementAndGet();
                            if (!funnel.isAlive()) {
                                return;
                            }
                        }
                    }
                }, "poster-" + t);
                poster.start();
                posters.add(poster);
            }
            Thread.sleep(3000);
            if (kill) {
                funnel.destroyForcibly(); // kill -9: no shutdown hook runs; the watchdog stops the database
            } else {
                funnel.destroy(); // SIGTERM: graceful
            }
            assertThat(funnel.waitFor(60, TimeUnit.SECONDS)).as("Funnel stopped within the shutdown timeout").isTrue();
            if (kill) {
                ProcessHandle.of(serverPid).ifPresent(server -> server.onExit().orTimeout(60, TimeUnit.SECONDS).join());
            }
            stop.set(true);
            for (Thread poster : posters) {
                poster.join(30_000);
            }
            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the embedded database stopped with Funnel").isFalse();
            assertThat(answered.values()).as("answers to posts in flight").isNotEmpty()
                    .allSatisfy(code -> assertThat(code).isIn(201, 503));
            List<String> stored = answered.entrySet().stream().filter(e -> e.getValue() == 201).map(Map.Entry::getKey)
                    .toList();
            System.out.printf("%s under load: %d posts answered 201, %d 503, %d cut off or refused at the socket%n",
                    signal, stored.size(), answered.size() - stored.size(), refused.get());

            try (EmbeddedMariaDb db = EmbeddedMariaDb.start(root, "funnel", 0);
                 Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM leads WHERE email LIKE '%@sigterm.example.com'")) {
                    rs.next();
                    long leads = rs.getLong(1);
                    assertThat(leads).as("every post answered 201 is a lead").isGreaterThanOrEqualTo(stored.size());
                }
                try (ResultSet rs = s.executeQuery("SELECT (SELECT COALESCE(SUM(n), 0) FROM lead_tally), "
                        + "(SELECT COUNT(*) FROM leads)")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the tally equals the leads").isEqualTo(rs.getLong(2));
                }
            }
        } finally {
            ChildFunnels.cleanUp(funnel, root);
        }
    }
}
