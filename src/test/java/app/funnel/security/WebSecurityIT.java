package app.funnel.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.base.DemoMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the security review tried over plain HTTP against the running app, each now refused. */
@FunnelAppTest
class WebSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_login_posted_from_another_website_is_refused_and_logs_nobody_in() throws Exception {
        HttpResponse<String> crossSite = login("sales", DemoMode.DEMO_PASSWORD, "https://evil.example", "cross-site", null);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> otherOrigin = login("sales", DemoMode.DEMO_PASSWORD, "https://evil.example", null, null);
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> nullOrigin = login("sales", DemoMode.DEMO_PASSWORD, "null", null, null);
        assertThat(nullOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> otherPort = login("sales", DemoMode.DEMO_PASSWORD, "http://localhost:1", "same-site", null);
        assertThat(otherPort.statusCode()).isEqualTo(403);
    }

    @Test
    void a_login_from_funnels_own_page_still_works() throws Exception {
        HttpResponse<String> own = login("sales", DemoMode.DEMO_PASSWORD, "http://localhost:" + port, "same-origin", null);
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(own.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void behind_a_trusted_proxy_failed_logins_count_under_the_forwarded_client_address() throws Exception {
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
        String name = "nobody-" + ThreadLocalRandom.current().nextInt(1_000_000);
        for (int i = 0; i < 30; i++) {
            login(name + i, "wrong", "http://localhost:" + port, "same-origin", client);
        }
        assertThat(throttle.lockFor(name + "x", client, false)).as("the forwarded address is throttled").isPresent();
        assertThat(throttle.lockFor(name + "x", "127.0.0.1", false)).as("not the proxy's own").isEmpty();
    }

    @Test
    void app_pages_carry_a_content_security_policy_and_the_other_security_headers() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).contains("JSESSIONID", "HttpOnly", "SameSite=Lax"));
    }

    private HttpResponse<String> login(String username, String password, String origin, String fetchSite,
                                       String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
