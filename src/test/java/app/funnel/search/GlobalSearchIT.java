package app.funnel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.opportunity.ConversionInput;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityService;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
class GlobalSearchIT {

    @Autowired
    SearchService search;
    @Autowired
    LeadService leads;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    DefinitionService definitions;
    @Autowired
    UserService users;

    /** Letters only, so that the tag does not read as a phone number, and unique to this run. */
    private final String tag = Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "q");
    private final String mobile = "9" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    private LeadDetails lead;
    private OpportunityDetails deal;

    @BeforeEach
    void aLeadThatBecameADeal() {
        TestLogins.as("marketing", Role.MARKETING);
        lead = leads.create(new LeadInput("Joaquim", "Ávila" + tag, "joaquim." + tag + "@padaria" + tag + ".example", "(11) " + mobile,
                "Padaria São Tomé " + tag, "Dono", "BR", LeadSource.EVENT, null, null), true);
        confirm(lead.id(), Term.MQL);
        LeadDetails mql = leads.qualify(lead.id(), lead.version());
        confirm(lead.id(), Term.SQL);
        LeadDetails sql = leads.handOver(mql.id(), mql.version(), users.byUsername("sales").orElseThrow().id());
        TestLogins.as("sales", Role.SALES);
        confirm(sql.id(), Term.OPPORTUNITY);
        deal = opportunities.convert(sql.id(), sql.version(), new ConversionInput("Fornos Élite " + tag,
                new BigDecimal("30000"), "BRL", LocalDate.now().plusMonths(2), null, null));
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void finds_a_person_by_name_without_accents_or_case_in_every_kind_they_appear_as() {
        TestLogins.as("marketing", Role.MARKETING);
        List<SearchHit> hits = search.find("AVILA" + tag.toUpperCase(), null, 6);
        assertThat(hits).extracting(SearchHit::kind, SearchHit::id)
                .contains(org.assertj.core.groups.Tuple.tuple(SearchKind.LEAD, lead.id()));
        SearchHit contact = hits.stream().filter(h -> h.kind() == SearchKind.CONTACT).findFirst().orElseThrow();
        assertThat(contact.title()).isEqualTo("Joaquim Ávila" + tag);
        assertThat(contact.path()).as("a contact opens its deal").isEqualTo("opportunities/" + deal.id());
        SearchHit found = hits.stream().filter(h -> h.kind() == SearchKind.LEAD).findFirst().orElseThrow();
        assertThat(found.path()).isEqualTo("leads/" + lead.id());
        assertThat(found.stateKey()).isEqualTo("status.CONVERTED");
        assertThat(found.detail()).contains("Padaria São Tomé " + tag);

        // first name and last name together, as people say them
        assertThat(search.find("joaquim avila" + tag, null, 6)).extracting(SearchHit::id).contains(lead.id());
    }

    @Test
    void finds_by_email_company_deal_name_and_account() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThat(search.find("Joaquim." + tag.toUpperCase() + "@pad", null, 6))
                .extracting(SearchHit::kind, SearchHit::id)
                .contains(org.assertj.core.groups.Tuple.tuple(SearchKind.LEAD, lead.id()));

        List<SearchHit> byCompany = search.find("padaria sao tome " + tag, null, 6);
        assertThat(byCompany).extracting(SearchHit::kind).contains(SearchKind.LEAD, SearchKind.ACCOUNT);
        SearchHit account = byCompany.stream().filter(h -> h.kind() == SearchKind.ACCOUNT).findFirst().orElseThrow();
        assertThat(account.path()).isEqualTo("opportunities?account=" + deal.accountId());

        List<SearchHit> byDeal = search.find("fornos elite " + tag, null, 6);
        assertThat(byDeal).singleElement().satisfies(hit -> {
            assertThat(hit.kind()).isEqualTo(SearchKind.DEAL);
            assertThat(hit.path()).isEqualTo("opportunities/" + deal.id());
            assertThat(hit.stateKey()).startsWith("stage.");
        });
        assertThat(byCompany.stream().map(SearchHit::kind).toList()).as("grouped in kind order").isSorted();
    }

    @Test
    void finds_a_phone_typed_in_any_format() {
        TestLogins.as("sales", Role.SALES);
        String national = mobile.substring(0, 5) + "-" + mobile.substring(5);
        for (String typed : List.of("(11) " + national, "+55 11 " + national, "5511" + mobile, "011 " + mobile,
                "+55 (11) " + mobile.substring(0, 6))) {
            assertThat(search.find(typed, "BR", 6)).as(typed)
                    .extracting(SearchHit::kind, SearchHit::id)
                    .contains(org.assertj.core.groups.Tuple.tuple(SearchKind.LEAD, lead.id()),
                            org.assertj.core.groups.Tuple.tuple(SearchKind.CONTACT, deal.contactId()));
        }
        assertThat(search.find("(11) " + national, null, 6)).as("a national number needs the user's country")
                .extracting(SearchHit::id).doesNotContain(lead.id());
    }

    @Test
    void too_little_text_finds_nothing_and_a_user_without_roles_may_not_search() {
        TestLogins.as("sales", Role.SALES);
        assertThat(search.find(" a ", null, 6)).isEmpty();
        assertThat(search.find("%_", null, 6)).as("LIKE wildcards are text").isEmpty();
        for (Role role : Role.values()) {
            TestLogins.as("someone", role);
            assertThat(search.find("avila" + tag, null, 6)).as(role.name()).isNotEmpty();
        }
        TestLogins.as("nobody");
        assertThatThrownBy(() -> search.find("avila" + tag, null, 6)).isInstanceOf(AccessDeniedException.class);
    }

    private void confirm(long leadId, Term term) {
        leads.confirmCriteria(leadId, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(Criterion::code).toList());
    }
}
