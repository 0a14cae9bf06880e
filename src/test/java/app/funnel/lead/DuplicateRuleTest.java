package app.funnel.lead;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.lead.DuplicateRule.Match;
import app.funnel.lead.DuplicateRule.Person;
import org.junit.jupiter.api.Test;

class DuplicateRuleTest {

    private static Person person(String first, String last, String email, String phone, String company) {
        return new Person(first, last, ContactCheck.emailKey(email), phone, ContactCheck.companyKey(company));
    }

    @Test
    void the_same_mailbox_as_the_provider_reads_it_is_the_same_person() {
        assertThat(DuplicateRule.compare(person("Ana", "Lima", "ana.lima@gmail.com", null, null),
                person("A.", "L.", "AnaLima+promo@googlemail.com", null, null))).containsExactly(Match.EMAIL);
    }

    @Test
    void a_switchboard_shared_by_colleagues_is_no_duplicate() {
        var a = person("Carla", "Nunes", "carla@acme.com.br", "+551130001000", "Acme Ltda.");
        var b = person("Rui", "Prates", "rui@acme.com.br", "+551130001000", "ACME");
        assertThat(DuplicateRule.compare(a, b)).containsExactly(Match.SHARES_PHONE);
        assertThat(DuplicateRule.certain(DuplicateRule.compare(a, b))).isFalse();
    }

    @Test
    void a_household_line_shared_by_a_couple_is_no_duplicate() {
        var a = person("Marta", "Quintela", null, "+351213456781", null);
        var b = person("Jorge", "Quintela", null, "+351213456781", null);
        assertThat(DuplicateRule.compare(a, b)).containsExactly(Match.SHARES_PHONE);
    }

    @Test
    void a_couple_whose_names_are_one_letter_apart_at_one_home_line_is_two_people() {
        var mario = person("Mario", "Quintela", null, "+351213456781", null);
        assertThat(DuplicateRule.compare(mario, person("Maria", "Quintela", null, "+351213456781", null)))
                .doesNotContain(Match.PHONE_AND_NAME);
        assertThat(DuplicateRule.compare(person("Daniel", "Reis", null, "+351213456781", null),
                person("Daniela", "Reis", null, "+351213456781", null))).doesNotContain(Match.PHONE_AND_NAME);
        // a typo inside a long first name is the same person
        assertThat(DuplicateRule.compare(person("Fernando", "Reis", null, "+351213456781", null),
                person("Fernadno", "Reis", null, "+351213456781", null))).doesNotContain(Match.PHONE_AND_NAME);
        assertThat(DuplicateRule.compare(person("Fernando", "Reis", null, "+351213456781", null),
                person("Fernndo", "Reis", null, "+351213456781", null))).containsExactly(Match.PHONE_AND_NAME);
    }

    @Test
    void the_same_phone_and_name_in_any_order_with_accents_and_a_typo_is_the_same_person() {
        var a = person("José", "Conceição", null, "+5521988123456", null);
        assertThat(DuplicateRule.compare(a, person("jose", "CONCEICAO", null, "+5521988123456", null)))
                .containsExactly(Match.PHONE_AND_NAME);
        assertThat(DuplicateRule.compare(a, person("Conceição", "José", null, "+5521988123456", null)))
                .containsExactly(Match.PHONE_AND_NAME);
        assertThat(DuplicateRule.compare(a, person("José", "Conceicão", null, "+5521988123456", null)))
                .containsExactly(Match.PHONE_AND_NAME);
        assertThat(DuplicateRule.compare(a, person("José", "Cordeiro", null, "+5521988123456", null)))
                .doesNotContain(Match.PHONE_AND_NAME);
    }

    @Test
    void colleagues_one_letter_apart_behind_the_switchboard_are_not_merged() {
        var a = person("Ana", "Souza", "ana.souza@banco.com", "+551140040000", "Banco Azul S.A.");
        var b = person("Ana", "Sousa", "ana.sousa@banco.com", "+551140040000", "Banco Azul");
        assertThat(DuplicateRule.certain(DuplicateRule.compare(a, b))).isFalse();
        assertThat(DuplicateRule.compare(a, b)).contains(Match.SHARES_PHONE, Match.SIMILAR_NAME);
    }

    @Test
    void the_same_name_at_another_company_is_no_duplicate() {
        assertThat(DuplicateRule.compare(person("John", "Smith", "john@ibm.com", null, "IBM"),
                person("John", "Smith", "jsmith@oracle.com", null, "Oracle"))).isEmpty();
    }

    @Test
    void the_same_name_at_the_same_company_written_with_another_legal_form_is_the_same_person() {
        assertThat(DuplicateRule.compare(person("Hans", "Müller", "hm@web.de", null, "Bäckerei Schmidt GmbH"),
                person("Hans", "Muller", "hans@baeckerei.de", null, "Backerei Schmidt"))).containsExactly(Match.NAME_AND_COMPANY);
        assertThat(ContactCheck.companyKey("ACME Indústria e Comércio Ltda.")).isEqualTo("acme industria e comercio");
        assertThat(ContactCheck.companyKey("Silva & Cia. Ltda")).isEqualTo("silva");
        assertThat(ContactCheck.companyKey("The Widget Co., Inc.")).isEqualTo("widget");
        assertThat(ContactCheck.companyKey("S.A.")).isEqualTo("s a");
    }
}
