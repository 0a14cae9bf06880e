package app.funnel.e2e;

import app.funnel.FunnelAppTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FunnelAppTest
class HealthIT {

    @LocalServerPort
    int port;

    @Test
    void health_is_open_to_anyone_and_says_up_without_details() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
    }

    @Test
    void other_actuator_endpoints_are_not_exposed() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/env")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).doesNotContain("spring.datasource");
        assertThat(response.statusCode()).isNotEqualTo(200);
    }
}
