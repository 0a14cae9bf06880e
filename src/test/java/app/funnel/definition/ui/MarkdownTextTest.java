package app.funnel.definition.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void markdown_is_rendered() {
        assertThat(MarkdownText.toHtml("A **lead** is *interest*.")).contains("<strong>lead</strong>", "<em>interest</em>");
    }

    @Test
    void script_tags_show_as_text() {
        String html = MarkdownText.toHtml("<script>alert('x')</script>\n\nHello <script>alert(1)</script>");
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void img_onerror_shows_as_text() {
        String html = MarkdownText.toHtml("<img src=x onerror=alert(1)>");
        assertThat(html).doesNotContain("<img").contains("&lt;img");
    }

    @Test
    void javascript_links_lose_their_target() {
        String html = MarkdownText.toHtml("[click](javascript:alert(1))");
        assertThat(html).doesNotContain("javascript:");
    }
}
