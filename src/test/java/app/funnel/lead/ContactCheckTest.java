package app.funnel.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactCheckTest {

    @Test
    void email_syntax_is_checked() {
        assertThat(ContactCheck.isValidEmail("joao.avila@ibm.com")).isTrue();
        assertThat(ContactCheck.isValidEmail("joao@ibm")).isFalse();
        assertThat(ContactCheck.isValidEmail("joao avila@ibm.com")).isFalse();
        assertThat(ContactCheck.isValidEmail("@ibm.com")).isFalse();
    }

    @Test
    void phones_are_stored_in_e164_whatever_format_they_came_in() {
        assertThat(ContactCheck.toE164("(11) 98765-4321", "BR")).contains("+5511987654321");
        assertThat(ContactCheck.toE164("+55 11 98765 4321", null)).contains("+5511987654321");
        assertThat(ContactCheck.toE164("914-555-0134", "US")).contains("+19145550134");
        assertThat(ContactCheck.toE164("12", "BR")).isEmpty();
        assertThat(ContactCheck.toE164("not a phone", "BR")).isEmpty();
    }

    @Test
    void suspect_leads_are_flagged_with_their_reasons() {
        assertThat(ContactCheck.suspectReasons("Test", "Test", "a@example.com", null))
                .containsExactlyInAnyOrder(SuspectReason.PLACEHOLDER_NAME, SuspectReason.PLACEHOLDER_EMAIL_DOMAIN);
        assertThat(ContactCheck.suspectReasons("Asdf", "Silva", "x@mailinator.com", null))
                .containsExactlyInAnyOrder(SuspectReason.PLACEHOLDER_NAME, SuspectReason.THROWAWAY_EMAIL_DOMAIN);
        assertThat(ContactCheck.suspectReasons("Aaaa", "Souza", null, null)).containsExactly(SuspectReason.PLACEHOLDER_NAME);
        // possible by length but not in Brazil's numbering plan
        assertThat(ContactCheck.suspectReasons("Maria", "Souza", null, "+5500000000000"))
                .containsExactly(SuspectReason.INVALID_PHONE);
    }

    @Test
    void real_names_and_contacts_are_not_suspect() {
        assertThat(ContactCheck.suspectReasons("João", "Ávila", "joao.avila@ibm.com", "+5511987654321")).isEmpty();
        assertThat(ContactCheck.suspectReasons("李", "小龍", "li@example.cn", null)).isEmpty();
        assertThat(ContactCheck.suspectReasons("Ana", "Bo", "ana@bo.com.br", null)).isEmpty();
    }

    @Test
    void email_keys_ignore_case_and_what_the_provider_ignores() {
        assertThat(ContactCheck.emailKey("Joao.Avila+news@Gmail.com")).isEqualTo("joaoavila@gmail.com");
        assertThat(ContactCheck.emailKey("joao.avila+x@ibm.com")).isEqualTo("joao.avila+x@ibm.com");
        assertThat(ContactCheck.emailKey("J.Avila+crm@outlook.com")).isEqualTo("j.avila@outlook.com");
    }

    @Test
    void plain_text_drops_case_and_accents() {
        assertThat(ContactCheck.plain("  João   ÁVILA ")).isEqualTo("joao avila");
    }
}
