package app.funnel.capture;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * What a visitor's browser shows after posting a capture form: the website's thank-you page (303)
 * when the form names one, or a short page of Funnel's in the visitor's language (English or
 * Portuguese) that thanks them, or says what to fix, or why the post was not taken.
 */
final class BrowserAnswer {

    private BrowserAnswer() {
    }

    static ResponseEntity<String> of(CaptureResult result, @Nullable String thankYouUrl, Locale visitor) {
        if (result.status() == 201 && thankYouUrl != null) {
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, thankYouUrl).build();
        }
        ResourceBundle texts = app.funnel.base.Translations.bundle(visitor);
        String title;
        StringBuilder body = new StringBuilder();
        switch (result.status()) {
            case 201 -> {
                title = texts.getString("capture.page.thanks.title");
                body.append("<p>").append(esc(texts.getString("capture.page.thanks.text"))).append("</p>");
            }
            case 400 -> {
                title = texts.getString("capture.page.errors.title");
                body.append("<ul>");
                result.errors().forEach(e -> body.append("<li>").append(esc(e.message())).append("</li>"));
                body.append("</ul><p>").append(esc(texts.getString("capture.page.back"))).append("</p>");
            }
            case 429 -> {
                title = texts.getString("capture.page.busy.title");
                body.append("<p>").append(esc(MessageFormat.format(texts.getString("capture.page.busy.text"),
                        result.retryAfterSeconds()))).append("</p>");
            }
            default -> {
                title = texts.getString("capture.page.refused.title");
                body.append("<p>").append(esc(texts.getString("capture.page.refused.text"))).append("</p>");
            }
        }
        String html = "<!doctype html><html lang=\"" + ("pt".equals(visitor.getLanguage()) ? "pt-BR" : "en")
                + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + esc(title) + "</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;"
                + "margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d2433}h1{font-size:1.4rem}</style></head>"
                + "<body><h1>" + esc(title) + "</h1>" + body + "</body></html>";
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(result.status() == 201 ? 200 : result.status())
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        if (result.status() == 429) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(result.retryAfterSeconds()));
        }
        return answer.body(html);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
