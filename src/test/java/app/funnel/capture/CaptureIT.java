package app.funnel.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.base.InvalidInputException;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.lead.Signal;
import app.funnel.lead.SignalKind;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The public capture endpoint over real HTTP, as a website (or a bot) posts to it. */
@FunnelAppTest
@org.junit.jupiter.api.Tag("dates")
class CaptureIT {

    @LocalServerPort
    int port;
    @Autowired
    CaptureService capture;
    @Autowired
    CaptureLimits limits;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeadService leads;

    final HttpClient http = HttpClient.newHttpClient();
    CaptureForm form;

    @BeforeEach
    void aForm() {
        limits.reset();
        TestLogins.as("admin", Role.ADMIN);
        form = capture.create("Newsletter " + System.nanoTime(), LeadSource.NEWSLETTER, SignalKind.NEWSLETTER_SIGNUP,
                List.of("https://www.example-shop.com/"), users.byUsername("marketing").orElseThrow().id());
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void clean() {
        limits.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_json_post_creates_a_lead_with_its_signal_and_consent_and_the_same_post_twice_counts_once() throws Exception {
        String tag = String.valueOf(System.nanoTime());
        String json = "{\"firstName\":\"Zoë\",\"lastName\":\"Zimmer" + tag + "\",\"email\":\"zoe" + tag
                + "@zimmer.de\",\"company\":\"Zimmer GmbH\",\"country\":\"DE\",\"consent\":true,"
                + "\"consentText\":\"Send me the newsletter\"}";
        HttpResponse<String> first = post(form.key(), "application/json", json, "https://www.example-shop.com");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains("https://www.example-shop.com");
        assertThat(first.body()).doesNotContain("leadId").containsPattern("\"receipt\":\"[A-Za-z0-9_-]{22}\"");
        long leadId = jdbc.queryForObject("SELECT id FROM leads WHERE last_name = ?", Long.class, "Zimmer" + tag);
        assertThat(jdbc.queryForMap("SELECT first_name, source, owner_id FROM leads WHERE id = ?", leadId))
                .containsEntry("first_name", "Zoë").containsEntry("source", "NEWSLETTER");
        assertThat(jdbc.queryForList("SELECT kind FROM lead_signal WHERE lead_id = ?", String.class, leadId))
                .containsExactly("NEWSLETTER_SIGNUP");
        assertThat(jdbc.queryForMap("SELECT consent, consent_text, address FROM capture_submission WHERE lead_id = ?",
                leadId)).containsEntry("consent_text", "Send me the newsletter").containsEntry("address", "127.0.0.1");

        HttpResponse<String> again = post(form.key(), "application/json", json, null);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).as("the same receipt for the same post").isEqualTo(first.body());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_signal WHERE lead_id = ?", Integer.class, leadId))
                .isEqualTo(1);
    }

    @Test
    void a_known_person_is_answered_like_a_new_one_and_their_new_signal_waits_for_review() throws Exception {
        String tag = String.valueOf(System.nanoTime());
        HttpResponse<String> first = post(form.key(), "application/x-www-form-urlencoded",
                "firstName=Ana&lastName=Lima" + tag + "&email=ana.lima" + tag + "%40gmail.com&consent=yes", null);
        long leadId = jdbc.queryForObject("SELECT id FROM leads WHERE last_name = ?", Long.class, "Lima" + tag);
        long version = jdbc.queryForObject("SELECT version FROM leads WHERE id = ?", Long.class, leadId);
        HttpResponse<String> second = post(form.key(), "application/x-www-form-urlencoded",
                "firstName=Ana&lastName=Lima" + tag + "&email=ANA.LIMA" + tag + "%2Bnews%40gmail.com&consent=yes", null);
        HttpResponse<String> stranger = post(form.key(), "application/x-www-form-urlencoded",
                "firstName=Nova&lastName=Pessoa" + tag + "&email=nova" + tag + "%40gmail.com&consent=yes", null);
        assertThat(second.statusCode()).isEqualTo(stranger.statusCode()).isEqualTo(201);
        assertThat(second.body().replaceAll("\"receipt\":\"[^\"]+\"", ""))
                .as("a known person and a new one get the same answer")
                .isEqualTo(stranger.body().replaceAll("\"receipt\":\"[^\"]+\"", ""));
        assertThat(second.body()).doesNotContain(String.valueOf(leadId));
        assertThat(jdbc.queryForList("SELECT review_pending FROM lead_signal WHERE lead_id = ? ORDER BY id",
                Boolean.class, leadId)).containsExactly(false, true);
        assertThat(jdbc.queryForObject("SELECT via FROM lead_signal WHERE lead_id = ? AND review_pending", String.class,
                leadId)).isEqualTo(form.name());
        assertThat(jdbc.queryForObject("SELECT version FROM leads WHERE id = ?", Long.class, leadId))
                .as("nothing else of the known lead changes").isEqualTo(version);

        TestLogins.as("marketing", Role.MARKETING);
        long pending = leads.signals(leadId).stream().filter(Signal::reviewPending).findFirst().orElseThrow().id();
        assertThat(leads.reviewSignal(leadId, pending, false)).extracting(Signal::reviewPending).containsExactly(false);
        assertThatThrownBy(() -> leads.reviewSignal(leadId, pending, true)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void bad_fields_unknown_keys_strangers_bots_and_oversized_bodies_get_their_answers() throws Exception {
        HttpResponse<String> bad = post(form.key(), "application/json",
                "{\"firstName\":\"Bia\",\"lastName\":\"Braz\",\"email\":\"not-an-email\"}", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"email\"");

        HttpResponse<String> hidden = post(form.key(), "application/json",
                "{\"firstName\":\"Bia\\u0000\",\"lastName\":\"Braz\\u202Egpj.exe\",\"email\":\"bia@example.com\"}", null);
        assertThat(hidden.statusCode()).isEqualTo(400);
        assertThat(hidden.body()).contains("control character U+0000");

        HttpResponse<String> malformed = post(form.key(), "application/json", "{\"firstName\": \"Bia", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Send a JSON object or an HTML form post.");
        assertThat(post(form.key(), "text/plain", "firstName=Bia", null).statusCode()).isEqualTo(400);

        assertThat(post("no-such-key", "application/json", "{}", null).statusCode()).isEqualTo(404);
        assertThat(post(form.key(), "application/json", "{\"firstName\":\"X\"}", "https://evil.example")
                .statusCode()).isEqualTo(403);
        // "Origin: null" (a sandboxed frame anyone can make) is refused unless the form lists "null"
        String nil = "firstName=Nil&lastName=Null" + System.nanoTime() + "&email=nil" + System.nanoTime()
                + "%40null.example";
        assertThat(post(form.key(), "application/x-www-form-urlencoded", nil, "null").statusCode()).isEqualTo(403);
        TestLogins.as("admin", Role.ADMIN);
        CaptureForm lenient = capture.create("Lenient " + System.nanoTime(), LeadSource.NEWSLETTER,
                SignalKind.NEWSLETTER_SIGNUP, List.of("https://www.example-shop.com", "null"),
                users.byUsername("marketing").orElseThrow().id());
        SecurityContextHolder.clearContext();
        assertThat(post(lenient.key(), "application/x-www-form-urlencoded", nil, "null").statusCode()).isEqualTo(201);

        // the form tried from Funnel's own pages posts from Funnel's own origin: judged by the key
        assertThat(post(form.key(), "application/x-www-form-urlencoded", "firstName=Tried&lastName=Here"
                + System.nanoTime() + "&email=tried" + System.nanoTime() + "%40funnel.example&consent=yes",
                "http://localhost:" + port).statusCode()).isEqualTo(201);

        int leads = jdbc.queryForObject("SELECT COUNT(*) FROM leads", Integer.class);
        HttpResponse<String> bot = post(form.key(), "application/x-www-form-urlencoded",
                "firstName=Bot&lastName=Bot&email=bot%40bots.example&website=http%3A%2F%2Fspam.example", null);
        assertThat(bot.statusCode()).isEqualTo(201);
        assertThat(bot.body()).contains("\"status\":\"received\"", "\"receipt\":");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads", Integer.class)).isEqualTo(leads);

        assertThat(post(form.key(), "application/json", "{\"notes\":\"" + "x".repeat(20_000) + "\"}", null)
                .statusCode()).isEqualTo(413);

        TestLogins.as("admin", Role.ADMIN);
        capture.revoke(form.id());
        assertThat(post(form.key(), "application/json", "{}", null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_visitors_browser_gets_a_thank_you_page_in_their_language_or_the_websites_own_and_scripts_keep_json()
            throws Exception {
        String tag = String.valueOf(System.nanoTime());
        HttpResponse<String> english = browserPost(form.key(), "firstName=Vera&lastName=Vaz" + tag + "&email=vera" + tag
                + "%40gmail.com&consent=yes", "en-US,en;q=0.8");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(english.body()).contains("Thank you!").doesNotContain("receipt");
        HttpResponse<String> portuguese = browserPost(form.key(), "firstName=Vera&lastName=Vaz" + tag + "b&email=vera"
                + tag + "b%40gmail.com", "pt-BR,pt;q=0.9");
        assertThat(portuguese.body()).contains("Obrigado!");
        HttpResponse<String> wrong = browserPost(form.key(), "firstName=Vera&lastName=&email=x", "pt-BR");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Confira o que você preencheu", "<li>");

        TestLogins.as("admin", Role.ADMIN);
        CaptureForm own = capture.create("Own page " + tag, LeadSource.WEBSITE_FORM, SignalKind.CONTACT_FORM,
                List.of(), users.byUsername("marketing").orElseThrow().id(), "https://www.example-shop.com/obrigado");
        assertThatThrownBy(() -> capture.create("Bad page " + tag, LeadSource.WEBSITE_FORM, SignalKind.CONTACT_FORM,
                List.of(), users.byUsername("marketing").orElseThrow().id(), "javascript:alert(1)"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("thankYouUrl"));
        SecurityContextHolder.clearContext();
        HttpResponse<String> redirected = browserPost(own.key(), "firstName=Rita&lastName=Rosa" + tag + "&email=rita"
                + tag + "%40gmail.com", "en");
        assertThat(redirected.statusCode()).isEqualTo(303);
        assertThat(redirected.headers().firstValue("Location")).hasValue("https://www.example-shop.com/obrigado");

        HttpResponse<String> script = post(form.key(), "application/x-www-form-urlencoded", "firstName=Sol&lastName=Sá"
                + tag + "&email=sol" + tag + "%40gmail.com", null);
        assertThat(script.statusCode()).isEqualTo(201);
        assertThat(script.body()).contains("\"receipt\"");
    }

    private HttpResponse<String> browserPost(String key, String body, String languages) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/capture/" + key))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .header("Accept-Language", languages)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void preflights_to_made_up_keys_are_rate_limited_per_address() throws Exception {
        HttpResponse<Void> last = null;
        for (int i = 0; i < 80; i++) {
            last = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/capture/made-up-" + i))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.discarding());
            if (last.statusCode() == 429) {
                assertThat(i).as("answered up to the limit").isGreaterThanOrEqualTo(60);
                break;
            }
            assertThat(last.statusCode()).isEqualTo(204);
            assertThat(last.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void past_the_rate_limit_posts_are_refused_with_retry_after() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 40; i++) {
            last = post(form.key(), "application/json", "{\"firstName\":\"\"}", null);
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Integer.parseInt(v)).isPositive());
    }

    @Test
    void a_browser_preflight_is_answered_only_for_allowed_origins() throws Exception {
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(url(form.key())))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://www.example-shop.com")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://www.example-shop.com");
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(url(form.key())))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void only_admin_manages_forms_and_origins_must_be_websites() {
        TestLogins.as("marketing", Role.MARKETING);
        assertThatThrownBy(() -> capture.forms()).isInstanceOf(AccessDeniedException.class);
        TestLogins.as("admin", Role.ADMIN);
        assertThatThrownBy(() -> capture.create("X", LeadSource.EVENT, SignalKind.EVENT_VISIT, List.of("not a site"),
                users.byUsername("marketing").orElseThrow().id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("origins"));
        assertThat(capture.forms()).extracting(CaptureForm::id).contains(form.id());
    }

    private HttpResponse<String> post(String key, String type, String body, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(key)))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String key) {
        return "http://localhost:" + port + "/api/capture/" + key;
    }
}
