package app.funnel.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void invisible_control_characters_are_refused_with_the_character_named() {
        for (String text : new String[] {"Ana\u0000", "Costa\u202Egpj.exe", "\u200BZero", "Bom\uFEFFdia", "x\u0085y",
                "a\u2066b"}) {
            assertThatThrownBy(() -> Texts.optional(text, "lastName", 100))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("lastName");
                        assertThat(e.messageKey()).isEqualTo("field.control-character");
                        assertThat(e.arguments()[0].toString()).startsWith("U+");
                    });
        }
    }

    @Test
    void accents_emoji_with_joiners_and_line_breaks_pass() {
        assertThat(Texts.optional("  João Ávila 👩‍💻 ", "name", 100)).isEqualTo("João Ávila 👩‍💻");
        assertThat(Texts.optional("first line\nsecond\tline", "notes", 100)).isEqualTo("first line\nsecond\tline");
        assertThat(Texts.optional("میخواهم", "name", 100)).isEqualTo("میخواهم");
    }
}
