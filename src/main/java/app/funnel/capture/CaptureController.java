package app.funnel.capture;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.json.JsonParseException;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/capture/{formKey}}: a JSON object or an ordinary HTML form post. Answers 201
 * with an opaque receipt (never a lead's id); a visitor's browser posting an HTML form gets a page
 * instead (or a 303 to the form's thank-you page), 400 with the field errors, 404 for an unknown or revoked key, 403 from a
 * website the form does not allow, 413 past 16 KB, 429 with Retry-After past the rate limits.
 * CORS is answered per form by {@link CaptureCors}.
 */
@RestController
@RequestMapping("/api/capture")
class CaptureController {

    static final int MAX_BODY = 16 * 1024;
    /** One parser for every post: a new one per post builds a new Jackson mapper each time (milliseconds). */
    private static final org.springframework.boot.json.JsonParser JSON = JsonParserFactory.getJsonParser();

    private final CaptureService capture;

    CaptureController(CaptureService capture) {
        this.capture = capture;
    }

    @RequestMapping(path = "/{key}", method = RequestMethod.POST)
    ResponseEntity<?> post(@PathVariable String key, HttpServletRequest request) throws IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String host = request.getHeader(HttpHeaders.HOST);
        if (origin != null && host != null && origin.equalsIgnoreCase(request.getScheme() + "://" + host)) {
            origin = null; // a form tried from Funnel's own pages: judged by its key, like a server's post
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, Map.of("error", "The body is larger than 16 KB."), key, origin);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, Map.of("error", "The body is larger than 16 KB."), key, origin);
        }
        Map<String, String> fields;
        try {
            fields = parse(request.getContentType(), new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return answer(HttpStatus.BAD_REQUEST, Map.of("errors", java.util.List.of(Map.of("field", "body",
                    "message", "Send a JSON object or an HTML form post."))), key, origin);
        }
        CaptureResult result = capture.submit(key, fields, request.getRemoteAddr(), origin);
        if (fromABrowserForm(request)) {
            return BrowserAnswer.of(result, capture.activeForm(key).map(CaptureForm::thankYouUrl).orElse(null),
                    request.getLocale());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        switch (result.status()) {
            case 201 -> {
                // the same answer for a new person, a known one, a repeat and a bot: nothing to learn from it
                json.put("status", "received");
                json.put("receipt", result.receipt());
            }
            case 400 -> json.put("errors", result.errors().stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
            case 404 -> json.put("error", "Unknown or revoked form key.");
            case 403 -> json.put("error", "This form does not take posts from " + origin + ".");
            case 429 -> json.put("error", "Too many posts; try again in " + result.retryAfterSeconds() + " s.");
            default -> json.put("error", "Not accepted.");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(result.status());
        if (result.status() == 429) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(result.retryAfterSeconds()));
        }
        return builder.contentType(MediaType.APPLICATION_JSON).body(json);
    }

    /** Seconds a website is told to wait when the database cannot be reached (it restarts by itself). */
    static final int DATABASE_RETRY_SECONDS = 30;

    /**
     * The database is away (stopped, restarting, unreachable): 503 with Retry-After, which websites
     * and their form tools retry, never a redirect to the login page that drops the post. Any other
     * database error is a 500 in JSON.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler({org.springframework.dao.DataAccessException.class,
            org.springframework.transaction.TransactionException.class})
    ResponseEntity<Map<String, Object>> databaseAway(RuntimeException e) {
        if (!app.funnel.base.DatabaseAway.is(e)) {
            // a database error that waiting does not cure: not stored, said in JSON, never a login redirect
            org.slf4j.LoggerFactory.getLogger(CaptureController.class).error("A web-form post failed", e);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", "Funnel could not store the post."));
        }
        org.slf4j.LoggerFactory.getLogger(CaptureController.class).warn("A web-form post was answered 503: {}",
                e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_SECONDS))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "Funnel cannot store the post right now; send it again in "
                        + DATABASE_RETRY_SECONDS + " s."));
    }

    /**
     * An ordinary HTML form submitted by a visitor's browser (not a script's fetch, which asks for
     * JSON): it gets a page to read, or the website's own thank-you page.
     */
    static boolean fromABrowserForm(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String accept = request.getHeader(HttpHeaders.ACCEPT) == null ? "" : request.getHeader(HttpHeaders.ACCEPT);
        return (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))
                && accept.contains("text/html");
    }

    private ResponseEntity<Map<String, Object>> answer(HttpStatus status, Map<String, Object> json, String key,
                                                       String origin) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json);
    }

    static Map<String, String> parse(String contentType, String body) {
        Map<String, String> fields = new HashMap<>();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            try {
                JSON.parseMap(body).forEach((k, v) -> {
                    if (v != null && !(v instanceof Map) && !(v instanceof java.util.List)) {
                        fields.put(k, String.valueOf(v));
                    }
                });
            } catch (JsonParseException e) {
                throw new IllegalArgumentException(e);
            }
            return fields;
        }
        if (type.startsWith("application/x-www-form-urlencoded") || type.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
            return fields;
        }
        throw new IllegalArgumentException("Unsupported content type " + contentType);
    }
}
