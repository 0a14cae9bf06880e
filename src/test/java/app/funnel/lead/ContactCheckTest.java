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
        // a national number needs a country to read it by
        assertThat(ContactCheck.toE164("(11) 98765-4321", null)).isEmpty();
        assertThat(ContactCheck.toE164("not a phone", "BR")).isEmpty();
    }

    @Test
    void suspect_leads_are_flagged_with_their_reasons() {
        assertThat(ContactCheck.suspectReasons("Test", "Test", "a@example.com", null))
                .containsExactlyInAnyOrder(SuspectReason.PLACEHOLDER_NAME, SuspectReason.PLACEHOLDER_EMAIL_DOMAIN,
                        SuspectReason.PLACEHOLDER_MAILBOX);
        assertThat(ContactCheck.suspectReasons("Asdf", "Silva", "a.silva@mailinator.com", null))
                .containsExactlyInAnyOrder(SuspectReason.PLACEHOLDER_NAME, SuspectReason.THROWAWAY_EMAIL_DOMAIN);
        assertThat(ContactCheck.suspectReasons("Aaaa", "Souza", null, null)).containsExactly(SuspectReason.PLACEHOLDER_NAME);
        // possible by length but not in Brazil's numbering plan
        assertThat(ContactCheck.suspectReasons("Maria", "Souza", null, "+5500193847561"))
                .containsExactly(SuspectReason.INVALID_PHONE);
    }

    @Test
    void a_phone_a_digit_short_or_long_is_kept_and_flagged_as_one_that_cannot_exist() {
        String shortOne = ContactCheck.toE164("(11) 9876-543", "BR").orElseThrow();
        String longOne = ContactCheck.toE164("+1 914 555 01345", null).orElseThrow();
        assertThat(ContactCheck.suspectReasons("Maria", "Souza", null, shortOne)).containsExactly(SuspectReason.INVALID_PHONE);
        assertThat(ContactCheck.suspectReasons("Mary", "Sue", null, longOne)).containsExactly(SuspectReason.INVALID_PHONE);
    }

    @Test
    void keyboard_mash_and_placeholder_mailboxes_at_a_real_domain_are_flagged() {
        for (String mailbox : new String[] {"asdfgh", "qwerty", "sdfsdf", "zxcvbn", "asdasd", "lkjhgf", "test", "teste123",
                "noemail", "123456", "qwerty2024", "aaaaaa"}) {
            assertThat(ContactCheck.suspectReasons("Maria", "Souza", mailbox + "@gmail.com", null))
                    .as(mailbox).containsExactly(SuspectReason.PLACEHOLDER_MAILBOX);
        }
        for (String mailbox : new String[] {"maria.souza", "msouza", "kiki", "dfg.consultoria", "stuart", "ana+crm", "jkl"}) {
            assertThat(ContactCheck.suspectReasons("Maria", "Souza", mailbox + "@gmail.com", null)).as(mailbox).isEmpty();
        }
    }

    @Test
    void numbers_reserved_for_fiction_repeated_digits_and_counting_runs_are_flagged() {
        assertThat(ContactCheck.suspectReasons("Mary", "Sue", null, "+12125550142")).containsExactly(SuspectReason.FICTIONAL_PHONE);
        assertThat(ContactCheck.suspectReasons("Mary", "Sue", null, "+447700900123")).containsExactly(SuspectReason.FICTIONAL_PHONE);
        assertThat(ContactCheck.suspectReasons("Ana", "Lima", null, "+5511999999999")).containsExactly(SuspectReason.FICTIONAL_PHONE);
        assertThat(ContactCheck.suspectReasons("Ana", "Lima", null, "+5511912345678")).containsExactly(SuspectReason.FICTIONAL_PHONE);
        assertThat(ContactCheck.suspectReasons("Ana", "Lima", null, "+551133333333")).containsExactly(SuspectReason.FICTIONAL_PHONE);
        // 555 outside the fiction block is a real exchange
        assertThat(ContactCheck.suspectReasons("Mary", "Sue", null, "+12125550342")).isEmpty();
        assertThat(ContactCheck.suspectReasons("Ana", "Lima", null, "+5511987651234")).isEmpty();
        // "98765-4321" counts down
        assertThat(ContactCheck.suspectReasons("Ana", "Lima", null, "+5511987654321")).containsExactly(SuspectReason.FICTIONAL_PHONE);
    }

    @Test
    void placeholder_personas_in_the_customers_languages_are_flagged() {
        for (String[] name : new String[][] {{"Mickey", "Mouse"}, {"John", "Doe"}, {"Jane", "Doe"}, {"Max", "Mustermann"},
                {"Joe", "Bloggs"}, {"Fulano", "de Tal"}, {"Nome", "Sobrenome"}, {"Erika", "Mustermann"},
                {"Maria", "Teste"}, {"As", "Df"}}) {
            assertThat(ContactCheck.suspectReasons(name[0], name[1], null, null)).as(String.join(" ", name))
                    .containsExactly(SuspectReason.PLACEHOLDER_NAME);
        }
    }

    @Test
    void genuine_names_that_only_look_odd_are_not_flagged() {
        for (String[] name : new String[][] {{"Giulia", "Testa"}, {"Marco", "Testoni"}, {"Mark", "Tester"},
                {"Asdrúbal", "Ferreira"}, {"Kiki", "Dee"}, {"Nada", "Haddad"}, {"Ji-woo", "Na"}, {"John", "Smith"},
                {"Silva", "Silva"}, {"Yael", "Bar"}, {"Jan", "Kowalski"}}) {
            assertThat(ContactCheck.suspectReasons(name[0], name[1], "contato@testerapido.com.br", "+5511987651234"))
                    .as(String.join(" ", name)).isEmpty();
        }
    }

    @Test
    void disposable_domains_come_from_the_shipped_list_and_cover_their_subdomains() {
        assertThat(ContactCheck.suspectReasons("Ana", "Lima", "ana@emailtemporario.com.br", null))
                .containsExactly(SuspectReason.THROWAWAY_EMAIL_DOMAIN);
        assertThat(ContactCheck.suspectReasons("Ana", "Lima", "ana@eu.mailinator.com", null))
                .containsExactly(SuspectReason.THROWAWAY_EMAIL_DOMAIN);
        assertThat(ContactCheck.suspectReasons("Ana", "Lima", "ana@gmail.com", null)).isEmpty();
    }

    @Test
    void domains_with_accents_are_valid_e_mail() {
        assertThat(ContactCheck.isValidEmail("joao@café.com.br")).isTrue();
        assertThat(ContactCheck.isValidEmail("joao@münchen.de")).isTrue();
        assertThat(ContactCheck.isValidEmail("joao@-café.com")).isFalse();
        assertThat(ContactCheck.suspectReasons("João", "Ávila", "joao@café.com.br", null)).isEmpty();
    }

    @Test
    void real_names_and_contacts_are_not_suspect() {
        assertThat(ContactCheck.suspectReasons("João", "Ávila", "joao.avila@ibm.com", "+5511987651234")).isEmpty();
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
