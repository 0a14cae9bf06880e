package app.funnel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.lead.DisqualificationReason;
import app.funnel.statistics.FunnelStep;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.opportunity.ConversionInput;
import app.funnel.opportunity.LostReason;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.Stage;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The funnel figure equals the truth: by hand on a small set of leads taken through the funnel, and
 * against the history rows (the base tables) for many periods and filters after a mix of changes.
 */
@FunnelAppTest
@org.junit.jupiter.api.Tag("dates")
class DashboardServiceIT {

    @Autowired
    app.funnel.base.CompanyZone zone;
    @Autowired
    java.time.Clock clock;
    @Autowired
    DashboardService dashboard;
    @Autowired
    LeadService leads;
    @Autowired
    OpportunityService opportunities;
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
    void a_lead_counts_at_every_step_it_reached_also_after_falling_back() {
        YearMonth now = YearMonth.now(clock);
        TestLogins.as("leadership", Role.LEADERSHIP);
        long[] before = counts(dashboard.funnel(now, now, LeadSource.PARTNER, null));
        long[] partnerBefore = partner(dashboard.sources(now, now, null));
        String tag = String.valueOf(System.nanoTime() % 1_000_000_000L);

        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails onlyNew = create("Nina", "New" + tag);
        LeadDetails disqualifiedMql = mql(create("Dora", "Dropped" + tag));
        leads.disqualify(disqualifiedMql.id(), disqualifiedMql.version(), DisqualificationReason.NO_INTEREST, null);
        LeadDetails returned = sql(mql(create("Rui", "Returned" + tag)));
        TestLogins.as("sales", Role.SALES);
        leads.returnToMarketing(returned.id(), returned.version(), "Not the right time");
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lost = sql(mql(create("Lia", "Lost" + tag)));
        LeadDetails won = sql(mql(create("Wil", "Won" + tag)));

        TestLogins.as("sales", Role.SALES);
        OpportunityDetails lostDeal = toQuote(convert(lost));
        opportunities.moveStage(lostDeal.id(), lostDeal.version(), Stage.CLOSED_LOST, null, LostReason.PRICE,
                "Went with a cheaper offer");
        OpportunityDetails wonDeal = toQuote(convert(won));
        opportunities.moveStage(wonDeal.id(), wonDeal.version(), Stage.CLOSED_WON, null, null, null);

        TestLogins.as("leadership", Role.LEADERSHIP);
        Funnel funnel = dashboard.funnel(now, now, LeadSource.PARTNER, null);
        long[] after = counts(funnel);
        // 5 leads; 4 reached MQL (one disqualified there); 3 SQL (one returned); 2 deals; both quoted; 1 won
        assertThat(delta(after, before)).containsExactly(5, 4, 3, 2, 2, 1);
        // the sources figure: the partner source's 5 leads, 2 opportunities, 1 won
        assertThat(delta(partner(dashboard.sources(now, now, null)), partnerBefore)).containsExactly(5, 2, 1);
        assertThat(funnel.steps()).extracting(Funnel.Step::step).containsExactly(FunnelStep.values());
        assertThat(onlyNew.id()).isPositive();
        assertTruth(now, now, LeadSource.PARTNER, null);
    }

    @Test
    void merges_returns_and_reopened_deals_keep_the_figure_equal_to_the_history() {
        YearMonth now = YearMonth.now(clock);
        String tag = String.valueOf(System.nanoTime() % 1_000_000_000L);
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails survivor = create("Sara", "Survivor" + tag);
        LeadDetails duplicate = mql(create("Sara", "Duplicate" + tag));
        LeadDetails merged = leads.merge(survivor.id(), survivor.version(), duplicate.id(), duplicate.version());
        LeadDetails lostThenReopened = sql(mql(create("Otto", "Reopened" + tag)));
        TestLogins.as("sales", Role.SALES);
        OpportunityDetails deal = convert(lostThenReopened);
        OpportunityDetails lost = opportunities.moveStage(deal.id(), deal.version(), Stage.CLOSED_LOST, null,
                LostReason.TIMING, "Budget moved to next year");
        TestLogins.as("leadership", Role.LEADERSHIP);
        opportunities.moveStage(lost.id(), lost.version(), Stage.QUALIFICATION, "Budget is back", null, null);

        assertThat(merged.id()).isEqualTo(survivor.id());
        assertTruth(now, now, null, null);
        assertTruth(now, now, LeadSource.PARTNER, null);
        assertTruth(now.minusYears(2), now, null, null);
    }

    @Test
    void every_figure_equals_the_history_rows_for_periods_sources_and_owners() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        YearMonth now = YearMonth.now(clock);
        List<YearMonth[]> periods = List.of(new YearMonth[] {now, now}, new YearMonth[] {now.minusMonths(2), now},
                new YearMonth[] {now.minusMonths(11), now}, new YearMonth[] {now.minusYears(3), now},
                new YearMonth[] {now.minusMonths(6), now.minusMonths(3)});
        long owner = users.byUsername("marketing").orElseThrow().id();
        for (YearMonth[] period : periods) {
            assertTruth(period[0], period[1], null, null);
            assertTruth(period[0], period[1], LeadSource.EVENT, null);
            assertTruth(period[0], period[1], null, owner);
            assertTruth(period[0], period[1], LeadSource.REFERRAL, owner);
            assertSourcesTruth(period[0], period[1], null);
            assertSourcesTruth(period[0], period[1], owner);
        }
    }

    @Test
    void the_pipeline_equals_the_open_deals_and_sales_gets_only_its_own() {
        YearMonth now = YearMonth.now(clock);
        long sales = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'sales'", Long.class);
        TestLogins.as("leadership", Role.LEADERSHIP);
        for (YearMonth[] period : List.of(new YearMonth[] {now, now.plusMonths(2)},
                new YearMonth[] {now.minusMonths(12), now.plusMonths(12)}, new YearMonth[] {now.plusMonths(3), now.plusYears(2)})) {
            assertThat(rows(dashboard.pipeline(period[0], period[1], null, null))).isEqualTo(openDeals(period[0], period[1], null));
            assertThat(rows(dashboard.pipeline(period[0], period[1], LeadSource.EVENT, null)))
                    .isEqualTo(openDeals(period[0], period[1], null, LeadSource.EVENT));
            assertThat(rows(dashboard.pipeline(period[0], period[1], null, sales))).isEqualTo(openDeals(period[0], period[1], sales));
        }
        YearMonth from = now.minusMonths(12);
        YearMonth to = now.plusMonths(12);
        TestLogins.as("sales", Role.SALES);
        List<String> own = rows(dashboard.pipeline(from, to, null, null));
        assertThat(own).isEqualTo(openDeals(from, to, sales)).isNotEmpty();
        // asking for everyone, or for a colleague, still gives its own deals only
        long colleague = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'paulo'", Long.class);
        assertThat(rows(dashboard.pipeline(from, to, null, colleague))).isEqualTo(own);
        TestLogins.as("marketing", Role.MARKETING);
        assertThatThrownBy(() -> dashboard.pipeline(from, to, null, null)).isInstanceOf(AccessDeniedException.class);
    }

    private static List<String> rows(List<PipelineRow> rows) {
        return rows.stream().map(r -> r.month() + " " + r.currency() + " " + r.deals() + " "
                + r.total().setScale(2, java.math.RoundingMode.HALF_UP) + " "
                + r.weighted().setScale(2, java.math.RoundingMode.HALF_UP)).toList();
    }

    /** The base table: open deals per expected-close month and currency. */
    private List<String> openDeals(YearMonth from, YearMonth to, @Nullable Long owner) {
        return openDeals(from, to, owner, null);
    }

    /** The base table: open deals per expected-close month and currency, of one source (the deal's lead's) if given. */
    private List<String> openDeals(YearMonth from, YearMonth to, @Nullable Long owner, @Nullable LeadSource source) {
        List<Object> args = new ArrayList<>(List.of(from.atDay(1), to.atEndOfMonth()));
        String ownerCondition = owner == null ? "" : " AND owner_id = ?";
        if (owner != null) {
            args.add(owner);
        }
        if (source != null) {
            ownerCondition += " AND source = ?";
            args.add(source.name());
        }
        return jdbc.query("SELECT EXTRACT(YEAR_MONTH FROM expected_close), currency, COUNT(*), SUM(amount), "
                        + "SUM(ROUND(amount * probability / 100, 4)) FROM opportunity "
                        + "WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND expected_close BETWEEN ? AND ?"
                        + ownerCondition + " GROUP BY 1, 2 ORDER BY 1, 2",
                (rs, i) -> YearMonth.of(rs.getInt(1) / 100, rs.getInt(1) % 100) + " " + rs.getString(2) + " "
                        + rs.getLong(3) + " " + rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP) + " "
                        + rs.getBigDecimal(5).setScale(2, java.math.RoundingMode.HALF_UP), args.toArray());
    }

    @Test
    void marketing_sees_the_funnel_up_to_sql_and_sales_none_of_it() {
        YearMonth now = YearMonth.now(clock);
        TestLogins.as("marketing", Role.MARKETING);
        assertThat(dashboard.funnel(now.minusYears(1), now, null, null).steps()).extracting(Funnel.Step::step)
                .containsExactly(FunnelStep.LEAD, FunnelStep.MQL, FunnelStep.SQL);
        TestLogins.as("admin", Role.ADMIN);
        assertThat(dashboard.funnel(now.minusYears(1), now, null, null).steps()).hasSize(6);
        TestLogins.as("sales", Role.SALES);
        assertThatThrownBy(() -> dashboard.funnel(now, now, null, null)).isInstanceOf(AccessDeniedException.class);
    }

    // --- the truth: each lead's furthest step from its own and its deal's history rows ---

    private void assertTruth(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        long[] truth = FunnelFromHistory.counts(jdbc, zone, from, to, source, owner);
        Funnel funnel = dashboard.funnel(from, to, source, owner);
        assertThat(counts(funnel)).as(from + ".." + to + " " + source + " " + owner).containsExactly(truth);
        for (Funnel.Step step : funnel.steps()) {
            int k = step.step().ordinal();
            assertThat(step.cumulativePercent()).isCloseTo(truth[0] == 0 ? 0 : 100.0 * truth[k] / truth[0],
                    org.assertj.core.data.Offset.offset(1e-9));
            if (k > 0) {
                assertThat(step.stepPercent()).isCloseTo(truth[k - 1] == 0 ? 0 : 100.0 * truth[k] / truth[k - 1],
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    private static long[] partner(List<SourceRow> rows) {
        return rows.stream().filter(r -> r.source() == LeadSource.PARTNER).findFirst()
                .map(r -> new long[] {r.leads(), r.opportunities(), r.won()}).orElse(new long[3]);
    }

    /** Each source's row equals its funnel: leads, reached Opportunity, reached Won. */
    private void assertSourcesTruth(YearMonth from, YearMonth to, @Nullable Long owner) {
        List<SourceRow> rows = dashboard.sources(from, to, owner);
        for (LeadSource source : LeadSource.values()) {
            long[] funnel = counts(dashboard.funnel(from, to, source, owner));
            long[] row = rows.stream().filter(r -> r.source() == source).findFirst()
                    .map(r -> new long[] {r.leads(), r.opportunities(), r.won()}).orElse(new long[3]);
            assertThat(row).as(source + " " + from + ".." + to).containsExactly(funnel[0], funnel[3], funnel[5]);
        }
        assertThat(rows).extracting(SourceRow::leads).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    // --- helpers ---

    private LeadDetails create(String first, String last) {
        return leads.create(new LeadInput(first, last, first.toLowerCase() + "." + last.toLowerCase() + "@partner.example.com",
                null, "Partner Co " + last, null, null, LeadSource.PARTNER, null, null), true);
    }

    private LeadDetails mql(LeadDetails lead) {
        confirmAll(lead.id(), Term.MQL);
        return leads.qualify(lead.id(), lead.version());
    }

    private LeadDetails sql(LeadDetails mql) {
        confirmAll(mql.id(), Term.SQL);
        return leads.handOver(mql.id(), mql.version(), users.byUsername("sales").orElseThrow().id());
    }

    private OpportunityDetails convert(LeadDetails sql) {
        confirmAll(sql.id(), Term.OPPORTUNITY);
        return opportunities.convert(sql.id(), sql.version(), new ConversionInput("Deal " + sql.lastName(),
                new BigDecimal("120000"), "USD", LocalDate.now().plusMonths(2), null, null));
    }

    private OpportunityDetails toQuote(OpportunityDetails deal) {
        OpportunityDetails proposal = opportunities.moveStage(deal.id(), deal.version(), Stage.PROPOSAL, null, null, null);
        opportunities.confirmCriteria(deal.id(), definitions.entry(definitions.currentVersion(), Term.QUOTE).criteria()
                .stream().map(Criterion::code).toList());
        return opportunities.moveStage(proposal.id(), proposal.version(), Stage.QUOTE, null, null, null);
    }

    private void confirmAll(long leadId, Term term) {
        leads.confirmCriteria(leadId, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(Criterion::code).toList());
    }

    private static long[] counts(Funnel funnel) {
        return funnel.steps().stream().mapToLong(Funnel.Step::count).toArray();
    }

    private static long[] delta(long[] after, long[] before) {
        long[] delta = new long[after.length];
        for (int i = 0; i < after.length; i++) {
            delta[i] = after[i] - before[i];
        }
        return delta;
    }
}
