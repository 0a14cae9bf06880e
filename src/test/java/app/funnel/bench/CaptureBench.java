package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.capture.CaptureForm;
import app.funnel.capture.CaptureService;
import app.funnel.lead.LeadSource;
import app.funnel.lead.SignalKind;
import app.funnel.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web capture endpoint under load: {@code ./mvnw -Pbench verify -Dit.test=CaptureBench}, with
 * Debian's {@code wrk} ({@code apt-get install -y wrk}) posting JSON leads, each a new person, to
 * {@code POST /api/capture/{key}} over loopback from its own process for {@code -Dbench.capture.seconds}
 * (20) seconds with {@code -Dbench.capture.connections} (8) connections. The rate limits are raised for the run (the defaults would
 * answer 429 after 300 posts a minute). Results in {@code target/bench/capture.json}.
 */
@BenchApp
class CaptureBench {

    static {
        BenchApp.Database.prepare();
    }

    /** Posters at once: each sends its next post as soon as the last is answered. */
    static final int CONNECTIONS = Integer.getInteger("bench.capture.connections", 8);

    @LocalServerPort
    int port;
    @Autowired
    CaptureService capture;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void capture_posts_under_load_from_wrk() throws Exception {
        TestLogins.as("admin", Role.ADMIN);
        Long owner = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'marketing'", Long.class);
        CaptureForm form = capture.create("Load test", LeadSource.WEBSITE_FORM, SignalKind.NEWSLETTER_SIGNUP, List.of(),
                owner);
        Path script = Files.createTempFile("capture", ".lua");
        Files.writeString(script, """
                local counter = 0
                local tag = ""
                init = function(args)
                  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
                  tag = tostring(math.random(1, 1000000000))
                end
                request = function()
                  counter = counter + 1
                  local body = string.format('{"firstName":"Carga","lastName":"Teste%d","email":"load%d.%s@bench-capture.com.br","consent":"yes","consentText":"Aceito receber contato."}', counter, counter, tag)
                  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
                end
                """);
        int seconds = Integer.getInteger("bench.capture.seconds", 20);
        String url = "http://127.0.0.1:" + port + "/api/capture/" + form.key();
        // a short warm-up run, then the measured one
        run(script, url, 5);
        int before = capture.submissions(form.id());
        String out = run(script, url, seconds);
        System.out.println(out);
        int accepted = capture.submissions(form.id()) - before;
        long requests = number(out, "(\\d+) requests in");
        long non2xx = out.contains("Non-2xx") ? number(out, "Non-2xx or 3xx responses: (\\d+)") : 0;
        double p50 = latencyMs(out, "50%");
        double p99 = latencyMs(out, "99%");
        double perSecond = accepted / (double) seconds;
        System.out.printf(Locale.ROOT, "capture: %,d requests, %,d accepted (%,.0f per second), %,d not 2xx, p50 %.2f ms, p99 %.2f ms%n",
                requests, accepted, perSecond, non2xx, p50, p99);
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Files.writeString(dir.resolve("capture.json"), String.format(Locale.ROOT, """
                [
                  {"case": "POST /api/capture/{key}, JSON, a new person each, wrk -t2 -c%d -d%ds over loopback", \
                "accepted_per_s": %.1f, "requests": %d, "accepted": %d, "non_2xx": %d, "p50_ms": %.3f, "p99_ms": %.3f}
                ]
                """, CONNECTIONS, seconds, perSecond, requests, accepted, non2xx, p50, p99));
        assertThat(non2xx).isZero();
    }

    private static String run(Path script, String url, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency", "-s",
                script.toString(), url)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        assertThat(wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static long number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as(regex + " in " + out).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A latency from wrk's distribution ("99%   12.34ms"), in milliseconds. */
    private static double latencyMs(String out, String percentile) {
        Matcher m = Pattern.compile(Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        assertThat(m.find()).as(percentile + " in " + out).isTrue();
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
