package app.funnel.definition.ui;

import com.vaadin.flow.component.Html;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Definition texts are Markdown. Raw HTML in them is escaped, so {@code <script>} or
 * {@code <img onerror>} shows as text, and link targets such as {@code javascript:} are dropped.
 */
final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private MarkdownText() {
    }

    static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    static Html render(String markdown) {
        return new Html("<div class=\"funnel-markdown\">" + toHtml(markdown) + "</div>");
    }
}
