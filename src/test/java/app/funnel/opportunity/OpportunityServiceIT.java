package app.funnel.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.definition.TransitionRefusedException;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.lead.LeadStatus;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
@org.junit.jupiter.api.Tag("dates")
class OpportunityServiceIT {

    @Autowired
    java.time.Clock clock;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    LeadService leads;
    @Autowired
    DefinitionService definitions;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_refused_conversion_leaves_no_account_contact_or_deal_behind_and_a_confirmed_one_creates_all_three() {
        String tag = tag();
        LeadDetails sql = sqlLead("Otto", "Olsen" + tag, "otto" + tag + "@olsen" + tag + ".com", "Olsen " + tag);
        int accounts = count("account");
        int contacts = count("contact");
        int deals = count("opportunity");

        TestLogins.as("sales", Role.SALES);
        assertThatThrownBy(() -> opportunities.convert(sql.id(), sql.version(), deal("Olsen servers")))
                .isInstanceOfSatisfying(TransitionRefusedException.class,
                        e -> assertThat(e.verdict().term()).isEqualTo(Term.OPPORTUNITY));
        assertThat(count("account")).isEqualTo(accounts);
        assertThat(count("contact")).isEqualTo(contacts);
        assertThat(count("opportunity")).isEqualTo(deals);
        assertThat(leads.get(sql.id()).status()).isEqualTo(LeadStatus.SQL);

        confirmAll(sql.id(), Term.OPPORTUNITY);
        OpportunityDetails deal = opportunities.convert(sql.id(), sql.version(), deal("Olsen servers"));

        assertThat(deal.stage()).isEqualTo(Stage.QUALIFICATION);
        assertThat(deal.probability()).isEqualTo(10);
        assertThat(deal.accountName()).isEqualTo("Olsen " + tag);
        assertThat(deal.buyerName()).isEqualTo("Otto Olsen" + tag);
        assertThat(deal.leadId()).isEqualTo(sql.id());
        assertThat(leads.get(sql.id()).status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(leads.opportunityOf(sql.id())).contains(deal.id());
        assertThat(opportunities.history(deal.id())).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo("QUALIFICATION"));
        assertThat(jdbc.queryForObject("SELECT amount FROM stage_change WHERE record_type = 'OPPORTUNITY' "
                + "AND record_id = ?", BigDecimal.class, deal.id())).isEqualByComparingTo("250000");
    }

    @Test
    void sales_creates_a_deal_without_a_lead_checked_against_the_opportunity_definition_with_a_new_or_existing_account() {
        String tag = tag();
        TestLogins.as("sales", Role.SALES);
        java.util.Set<String> criteria = definitions.entry(definitions.currentVersion(), Term.OPPORTUNITY).criteria()
                .stream().map(Criterion::code).collect(java.util.stream.Collectors.toSet());
        int accounts = count("account");
        int contacts = count("contact");
        int deals = count("opportunity");

        assertThatThrownBy(() -> opportunities.create(newDeal("Prospecção " + tag, null, "Fábrica Nova " + tag, null,
                java.util.Set.of()))).isInstanceOfSatisfying(TransitionRefusedException.class,
                e -> assertThat(e.verdict().term()).isEqualTo(Term.OPPORTUNITY));
        assertThat(count("account")).as("a refusal stores nothing").isEqualTo(accounts);
        assertThat(count("contact")).isEqualTo(contacts);
        assertThat(count("opportunity")).isEqualTo(deals);

        OpportunityDetails deal = opportunities.create(newDeal("Prospecção " + tag, null, "Fábrica Nova " + tag, null,
                criteria));
        assertThat(deal.stage()).isEqualTo(Stage.QUALIFICATION);
        assertThat(deal.leadId()).isNull();
        assertThat(deal.ownerId()).isEqualTo(users.byUsername("sales").orElseThrow().id());
        assertThat(deal.accountName()).isEqualTo("Fábrica Nova " + tag);
        assertThat(deal.buyerName()).isEqualTo("Rita Rocha" + tag);
        assertThat(opportunities.history(deal.id())).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo("QUALIFICATION"));
        assertThat(definitions.confirmations(app.funnel.definition.RecordRef.opportunity(deal.id())))
                .as("the confirmed criteria stay on the deal").hasSize(criteria.size());
        assertThat(jdbc.queryForObject("SELECT source FROM opportunity WHERE id = ?", String.class, deal.id()))
                .isEqualTo("OUTBOUND");

        // the same company typed again, in other case and without accents: the same account, an existing buyer
        long buyer = opportunities.contactsOf(deal.accountId()).getFirst().id();
        OpportunityDetails second = opportunities.create(newDeal("Expansão " + tag, null, "FABRICA NOVA " + tag, buyer,
                criteria));
        assertThat(second.accountId()).isEqualTo(deal.accountId());
        assertThat(second.contactId()).isEqualTo(buyer);
        assertThat(count("account")).isEqualTo(accounts + 1);

        assertField(() -> opportunities.create(newDeal(" ", null, "X", null, criteria)), "name");
        assertField(() -> opportunities.create(newDeal("D", null, " ", null, criteria)), "accountName");
        assertField(() -> opportunities.create(new NewDeal("D", new BigDecimal("10"), "USD", LocalDate.now().plusMonths(1),
                LeadSource.OUTBOUND, null, "Y" + tag, null, "Rita", "Rocha", "not-an-email", null, null, criteria)),
                "buyerEmail");
        assertField(() -> opportunities.create(new NewDeal("D", new BigDecimal("10"), "USD", LocalDate.now().plusMonths(1),
                LeadSource.OUTBOUND, null, "Y" + tag, null, "Rita", "Rocha", null, "12345", null, criteria)),
                "buyerPhone");
        long otherAccount = opportunities.accounts("").stream().filter(a -> a.id() != deal.accountId()).findFirst()
                .orElseThrow().id();
        assertField(() -> opportunities.create(newDeal("D", otherAccount, null, buyer, criteria)), "buyer");

        TestLogins.as("marketing", Role.MARKETING);
        assertThatThrownBy(() -> opportunities.create(newDeal("D", null, "Z", null, criteria)))
                .isInstanceOf(AccessDeniedException.class);
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThatThrownBy(() -> opportunities.create(newDeal("D", null, "Z", null, criteria)))
                .as("a deal is its salesperson's").isInstanceOf(AccessDeniedException.class);
        TestLogins.as("admin", Role.ADMIN);
        assertThatThrownBy(() -> opportunities.create(newDeal("D", null, "Z", null, criteria)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static NewDeal newDeal(String name, @org.jspecify.annotations.Nullable Long accountId,
                                   @org.jspecify.annotations.Nullable String accountName,
                                   @org.jspecify.annotations.Nullable Long buyerId, java.util.Set<String> criteria) {
        String tag = accountName == null ? "" : accountName.replaceAll("\\D", "");
        return new NewDeal(name, new BigDecimal("120000"), "BRL", LocalDate.now().plusMonths(2), LeadSource.OUTBOUND,
                accountId, accountName, buyerId, "Rita", "Rocha" + tag, "rita" + tag + "@fabrica.example.com",
                "+55 11 91234-5678", "Compras", criteria);
    }

    @Test
    void a_second_lead_of_the_same_company_joins_its_account_by_name_or_by_e_mail_domain() {
        String tag = tag();
        OpportunityDetails first = converted(sqlLead("Ana", "Alves" + tag, "ana@alves" + tag + ".com.br",
                "Construtora Álves " + tag));
        OpportunityDetails byName = converted(sqlLead("Beto", "Borges" + tag, "beto@other" + tag + ".com",
                "CONSTRUTORA ALVES " + tag));
        OpportunityDetails byDomain = converted(sqlLead("Caio", "Cruz" + tag, "caio@alves" + tag + ".com.br", null));

        assertThat(byName.accountId()).isEqualTo(first.accountId());
        assertThat(byDomain.accountId()).isEqualTo(first.accountId());
        TestLogins.as("sales", Role.SALES);
        assertThat(opportunities.contactsOf(first.accountId())).hasSize(3);
    }

    @Test
    void quote_waits_for_need_ability_desire_authority_and_the_terms_then_the_deal_is_won() {
        OpportunityDetails deal = converted(sqlLead("Vera", "Viana" + tag(), "vera" + tag() + "@viana.com", null));
        TestLogins.as("sales", Role.SALES);
        OpportunityDetails proposal = opportunities.moveStage(deal.id(), deal.version(), Stage.PROPOSAL, null, null, null);
        assertThat(proposal.probability()).isEqualTo(30);

        assertThatThrownBy(() -> opportunities.moveStage(proposal.id(), proposal.version(), Stage.QUOTE, null, null, null))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.verdict().unmet())
                        .extracting(Criterion::code).contains("need", "ability", "desire", "authority", "price-agreed"));
        confirmAllOnDeal(deal.id(), Term.QUOTE);
        OpportunityDetails quote = opportunities.moveStage(proposal.id(), proposal.version(), Stage.QUOTE, null, null,
                null);
        OpportunityDetails negotiation = opportunities.moveStage(quote.id(), quote.version(), Stage.NEGOTIATION, null,
                null, null);
        OpportunityDetails won = opportunities.moveStage(negotiation.id(), negotiation.version(), Stage.CLOSED_WON,
                null, null, null);

        assertThat(won.probability()).isEqualTo(100);
        assertThat(won.expectedClose()).as("a won deal closed the day it was won")
                .isEqualTo(java.time.LocalDate.ofInstant(won.stageChangedAt(), clock.getZone()));
        assertThat(opportunities.history(deal.id())).extracting(e -> e.to())
                .containsExactly("QUALIFICATION", "PROPOSAL", "QUOTE", "NEGOTIATION", "CLOSED_WON");
        assertThat(jdbc.queryForList("SELECT probability FROM stage_change WHERE record_type = 'OPPORTUNITY' "
                + "AND record_id = ? ORDER BY id", Integer.class, deal.id())).containsExactly(10, 30, 60, 80, 100);
        assertThatThrownBy(() -> opportunities.moveStage(won.id(), won.version(), Stage.NEGOTIATION, "Signed wrong",
                null, null)).isInstanceOf(AccessDeniedException.class);

        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThatThrownBy(() -> opportunities.moveStage(won.id(), won.version(), Stage.NEGOTIATION, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        OpportunityDetails reopened = opportunities.moveStage(won.id(), won.version(), Stage.NEGOTIATION,
                "The contract was not countersigned", null, null);
        assertThat(reopened.stage()).isEqualTo(Stage.NEGOTIATION);
        assertThat(reopened.probability()).isEqualTo(80);
    }

    @Test
    void moving_back_needs_a_reason_and_a_lost_deal_needs_a_reason_and_a_note() {
        OpportunityDetails deal = converted(sqlLead("Rui", "Rocha" + tag(), "rui" + tag() + "@rocha.pt", null));
        TestLogins.as("sales", Role.SALES);
        OpportunityDetails proposal = opportunities.moveStage(deal.id(), deal.version(), Stage.PROPOSAL, null, null, null);
        assertThatThrownBy(() -> opportunities.moveStage(proposal.id(), proposal.version(), Stage.QUALIFICATION, " ",
                null, null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> opportunities.moveStage(proposal.id(), proposal.version(), Stage.CLOSED_LOST, null,
                null, "x")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("lostReason"));
        assertThatThrownBy(() -> opportunities.moveStage(proposal.id(), proposal.version(), Stage.CLOSED_LOST, null,
                LostReason.PRICE, "")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("lostNote"));
        OpportunityDetails lost = opportunities.moveStage(proposal.id(), proposal.version(), Stage.CLOSED_LOST, null,
                LostReason.COMPETITOR, "Went with the incumbent");
        assertThat(lost.probability()).isZero();
        assertThat(lost.lostReason()).isEqualTo(LostReason.COMPETITOR);
        assertThat(opportunities.history(deal.id()).getLast().reason()).isEqualTo("COMPETITOR: Went with the incumbent");
    }

    @Test
    void bad_amounts_currencies_and_probabilities_are_refused_on_their_field() {
        String tag = tag();
        LeadDetails sql = sqlLead("Ivo", "Inácio" + tag, "ivo" + tag + "@inacio.com", null);
        TestLogins.as("sales", Role.SALES);
        confirmAll(sql.id(), Term.OPPORTUNITY);
        assertField(() -> opportunities.convert(sql.id(), sql.version(), new ConversionInput("X",
                new BigDecimal("-1"), "USD", LocalDate.now(), null, null)), "amount");
        assertField(() -> opportunities.convert(sql.id(), sql.version(), new ConversionInput("X",
                BigDecimal.TEN, "XYZ", LocalDate.now(), null, null)), "currency");
        assertField(() -> opportunities.convert(sql.id(), sql.version(), new ConversionInput("",
                BigDecimal.TEN, "USD", LocalDate.now(), null, null)), "name");
        assertField(() -> opportunities.convert(sql.id(), sql.version(), new ConversionInput("X",
                BigDecimal.TEN, "USD", null, null, null)), "expectedClose");
        // a typing slip (1900 for 2026, 9999) is refused with the range taken, not stored
        assertField(() -> opportunities.convert(sql.id(), sql.version(), new ConversionInput("X",
                BigDecimal.TEN, "USD", LocalDate.of(1900, 1, 1), null, null)), "expectedClose");
        assertField(() -> opportunities.convert(sql.id(), sql.version(), new ConversionInput("X",
                BigDecimal.TEN, "USD", LocalDate.of(9999, 12, 31), null, null)), "expectedClose");
        OpportunityDetails deal = opportunities.convert(sql.id(), sql.version(), new ConversionInput("X",
                new BigDecimal("1000.50"), "brl", LocalDate.now(), null, null));
        assertThat(deal.currency()).isEqualTo("BRL");
        assertField(() -> opportunities.setProbability(deal.id(), deal.version(), 100), "probability");
        assertField(() -> opportunities.setProbability(deal.id(), deal.version(), -1), "probability");
        assertThat(opportunities.setProbability(deal.id(), deal.version(), 45).probability()).isEqualTo(45);
    }

    @Test
    void only_the_owner_moves_a_deal_marketing_reads_and_a_stale_move_is_refused() {
        OpportunityDetails deal = converted(sqlLead("Gil", "Gomes" + tag(), "gil" + tag() + "@gomes.com", null));
        TestLogins.as("marketing", Role.MARKETING);
        assertThat(opportunities.get(deal.id()).name()).isEqualTo(deal.name());
        assertThatThrownBy(() -> opportunities.moveStage(deal.id(), deal.version(), Stage.PROPOSAL, null, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> opportunities.convert(1, 0, deal("x"))).isInstanceOf(AccessDeniedException.class);
        TestLogins.as("paulo", Role.SALES);
        assertThatThrownBy(() -> opportunities.moveStage(deal.id(), deal.version(), Stage.PROPOSAL, null, null, null))
                .isInstanceOf(AccessDeniedException.class);
        TestLogins.as("admin", Role.ADMIN);
        assertThatThrownBy(() -> opportunities.moveStage(deal.id(), deal.version(), Stage.PROPOSAL, null, null, null))
                .isInstanceOf(AccessDeniedException.class);

        TestLogins.as("sales", Role.SALES);
        opportunities.moveStage(deal.id(), deal.version(), Stage.PROPOSAL, null, null, null);
        assertThatThrownBy(() -> opportunities.moveStage(deal.id(), deal.version(), Stage.CLOSED_LOST, null,
                LostReason.TIMING, "Later")).isInstanceOfSatisfying(ConcurrentChangeException.class,
                e -> assertThat(e.changedBy()).isEqualTo("sales"));

        TestLogins.as("leadership", Role.LEADERSHIP);
        long paulo = users.byUsername("paulo").orElseThrow().id();
        OpportunityDetails current = opportunities.get(deal.id());
        assertThat(opportunities.reassign(current.id(), current.version(), paulo).ownerId()).isEqualTo(paulo);
    }

    @Test
    void the_grid_footer_sums_count_amount_and_weighted_amount_per_currency_in_the_database() {
        String tag = tag();
        LeadDetails a = sqlLead("Tina", "Tavares" + tag, "tina@tavares" + tag + ".com", "Tavares " + tag);
        TestLogins.as("sales", Role.SALES);
        confirmAll(a.id(), Term.OPPORTUNITY);
        OpportunityDetails deal = opportunities.convert(a.id(), a.version(), new ConversionInput("Tavares deal",
                new BigDecimal("1000.00"), "EUR", LocalDate.now().plusDays(9), null, null));
        OpportunityQuery onlyThis = new OpportunityQuery(null, null, deal.accountId(), null, null, null, null);
        assertThat(opportunities.totals(onlyThis)).singleElement().satisfies(t -> {
            assertThat(t.currency()).isEqualTo("EUR");
            assertThat(t.count()).isEqualTo(1);
            assertThat(t.amount()).isEqualByComparingTo("1000.00");
            assertThat(t.weighted()).isEqualByComparingTo("100.00");
        });
        assertThat(opportunities.search(onlyThis, PageRequest.of(0, 10))).extracting(OpportunityRow::id)
                .containsExactly(deal.id());
        List<Totals> all = opportunities.totals(OpportunityQuery.all());
        assertThat(all).extracting(Totals::currency).contains("USD", "EUR");
    }

    // --- helpers ---

    private OpportunityDetails converted(LeadDetails sql) {
        TestLogins.as("sales", Role.SALES);
        confirmAll(sql.id(), Term.OPPORTUNITY);
        return opportunities.convert(sql.id(), sql.version(), deal("Deal " + sql.lastName()));
    }

    /** A lead taken by marketing through MQL to an SQL owned by the sales user. */
    private LeadDetails sqlLead(String first, String last, String email, String company) {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(new LeadInput(first, last, email, null, company, "CTO", null,
                LeadSource.EVENT, null, null), true);
        confirmAll(lead.id(), Term.MQL);
        LeadDetails mql = leads.qualify(lead.id(), lead.version());
        confirmAll(lead.id(), Term.SQL);
        return leads.handOver(mql.id(), mql.version(), users.byUsername("sales").orElseThrow().id());
    }

    private void confirmAll(long leadId, Term term) {
        leads.confirmCriteria(leadId, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(Criterion::code).toList());
    }

    private void confirmAllOnDeal(long id, Term term) {
        opportunities.confirmCriteria(id, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(Criterion::code).toList());
    }

    private static ConversionInput deal(String name) {
        return new ConversionInput(name, new BigDecimal("250000"), "USD", LocalDate.now().plusMonths(2), null, null);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static String tag() {
        return String.valueOf(System.nanoTime() % 1_000_000_000L);
    }
}
