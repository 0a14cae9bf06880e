package app.funnel.definition.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void changed_words_are_marked_on_both_sides_and_html_in_the_texts_is_escaped() {
        String html = TextDiff.sideBySide("Fits the profile <b>", "Fits the ideal profile <b>").getElement()
                .getOuterHTML();
        assertThat(html).contains("<ins>ideal").contains("&lt;b&gt;").doesNotContain("<b>");
    }
}
