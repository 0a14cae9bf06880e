package app.funnel.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void seven_characters_are_too_short_and_eight_are_enough() {
        assertThat(policy.problem("x7#kQ2m", "ana")).contains("password.error.too-short");
        assertThat(policy.problem("x7#kQ2mz", "ana")).isEmpty();
    }

    @Test
    void up_to_128_characters_are_accepted_and_129_refused() {
        assertThat(policy.problem("a".repeat(120) + "Zq9!xk3L", "ana")).isEmpty();
        assertThat(policy.problem("a".repeat(121) + "Zq9!xk3L", "ana")).contains("password.error.too-long");
    }

    @Test
    void length_counts_characters_not_bytes_or_utf16_units() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        assertThat(policy.problem(emoji.repeat(8), "ana")).isEmpty();
        assertThat(policy.problem(emoji.repeat(7), "ana")).contains("password.error.too-short");
    }

    @Test
    void no_composition_rules_a_long_lowercase_phrase_is_fine() {
        assertThat(policy.problem("correct horse battery staple", "ana")).isEmpty();
        assertThat(policy.problem("pão de queijo quentinho", "ana")).isEmpty();
    }

    @Test
    void common_passwords_are_refused_ignoring_case() {
        assertThat(policy.commonPasswordCount()).isGreaterThan(10_000);
        assertThat(policy.problem("password", "ana")).contains("password.error.common");
        assertThat(policy.problem("Qwertyuiop", "ana")).contains("password.error.common");
        assertThat(policy.problem("12345678", "ana")).contains("password.error.common");
        assertThat(policy.problem("senha123", "ana")).contains("password.error.common");
    }

    @Test
    void the_username_itself_is_refused() {
        assertThat(policy.problem("marianasilva", "MarianaSilva")).contains("password.error.username");
    }
}
