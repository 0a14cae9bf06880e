package app.funnel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestClock;
import app.funnel.TestLogins;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionEntry;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.lead.DisqualificationReason;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The trend, velocity, win rate, lost reasons and handoff figures equal the truth: by hand on a
 * small history built at known times (the clock is set for each step, in a month of its own), and
 * against the base tables (the history rows with window functions, and the leads) after a random
 * mix of changes including merges, returns, reopened deals and reassignments.
 */
@FunnelAppTest
@org.junit.jupiter.api.Tag("dates")
class DashboardFiguresIT {

    @Autowired
    DashboardService dashboard;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    app.funnel.base.CompanyZone zone;
    @Autowired
    LeadService leads;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    DefinitionService definitions;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        TestClock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void figures_by_hand_on_a_history_with_known_times() {
        // a month no other test writes to: a different one on every run against the same database, in
        // years the random mix below (2040-2079, running on for up to a few years) never reaches
        YearMonth month = YearMonth.of(2100 + (int) Math.floorMod(System.nanoTime(), 40L), 3);
        Instant t0 = month.atDay(2).atTime(9, 0).atZone(zone.id()).toInstant();
        String tag = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long sales = userId("sales");

        at(t0, 0);
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails l1 = create("Ana", "One" + tag);
        LeadDetails l2 = create("Bea", "Two" + tag);
        LeadDetails l3 = create("Cid", "Three" + tag);
        LeadDetails l4 = create("Dan", "Four" + tag);
        at(t0, 1);
        l2 = mql(l2);                                   // NEW 1 h
        at(t0, 2);
        l1 = mql(l1);                                   // NEW 2 h
        at(t0, 3);
        l1 = sql(l1, sales);                            // MQL 1 h, handoff 1
        l2 = sql(l2, sales);                            // MQL 2 h, handoff 2
        at(t0, 4);
        l3 = mql(l3);                                   // NEW 4 h
        TestLogins.as("sales", Role.SALES);
        l2 = leads.accept(l2.id(), l2.version());      // touched 1 h after its first handoff
        at(t0, 5);
        TestLogins.as("marketing", Role.MARKETING);
        l3 = sql(l3, sales);                            // MQL 1 h, handoff 3
        at(t0, 6);
        leads.disqualify(l4.id(), l4.version(), DisqualificationReason.NO_INTEREST, null); // NEW 6 h
        at(t0, 8);
        TestLogins.as("sales", Role.SALES);
        l1 = leads.accept(l1.id(), l1.version());      // touched after 5 h
        at(t0, 13);
        l2 = leads.returnToMarketing(l2.id(), l2.version(), "Not the buyer " + tag); // SQL 10 h, returned
        at(t0, 14);
        l3 = leads.accept(l3.id(), l3.version());      // touched after 9 h
        at(t0, 15);
        TestLogins.as("marketing", Role.MARKETING);
        l2 = sql(l2, sales);                            // MQL 2 h, handoff 4 (the touch clock starts again)
        at(t0, 16);
        TestLogins.as("sales", Role.SALES);
        l2 = leads.accept(l2.id(), l2.version());      // touched 1 h after its last handoff
        at(t0, 20);
        TestLogins.as("leadership", Role.LEADERSHIP);
        int version = publishMarker("Marker " + tag);
        at(t0, 38);
        TestLogins.as("sales", Role.SALES);
        OpportunityDetails o1 = convert(l1);            // SQL 35 h, a deal
        OpportunityDetails o3 = convert(l3);            // SQL 33 h, a deal
        at(t0, 110);
        o1 = opportunities.moveStage(o1.id(), o1.version(), Stage.PROPOSAL, null, null, null); // QUALIFICATION 3 days
        at(t0, 134);
        confirmAll(o1.id(), Term.QUOTE);
        o1 = opportunities.moveStage(o1.id(), o1.version(), Stage.QUOTE, null, null, null);    // PROPOSAL 1 day
        at(t0, 158);
        opportunities.moveStage(o3.id(), o3.version(), Stage.CLOSED_LOST, null, LostReason.PRICE, "Too dear"); // 5 days
        at(t0, 170);
        opportunities.moveStage(o1.id(), o1.version(), Stage.CLOSED_WON, null, null, null);   // QUOTE 36 h

        TestLogins.as("leadership", Role.LEADERSHIP);
        Trend trend = dashboard.trend(month, month, null, null);
        assertThat(trend.months()).containsExactly(month);
        assertThat(trend.series()).extracting(Trend.Series::step).containsExactly("MQL", "SQL", "OPPORTUNITY", "WON");
        assertThat(trend.series()).extracting(s -> s.counts().getFirst()).containsExactly(3L, 3L, 2L, 1L);
        assertThat(trend.markers()).singleElement().satisfies(m -> {
            assertThat(m.version()).isEqualTo(version);
            assertThat(m.note()).isEqualTo("Marker " + tag);
            assertThat(m.terms()).containsExactly(Term.LEAD);
            assertThat(m.month()).isEqualTo(month);
        });

        Map<String, Velocity> velocity = new HashMap<>();
        dashboard.velocity(month, month, null, null).forEach(v -> velocity.put(v.stage(), v));
        assertVelocity(velocity.get("NEW"), 4, 2, 6);           // 1, 2, 4, 6 hours
        assertVelocity(velocity.get("MQL"), 4, 1, 2);           // 1, 1, 2, 2 hours
        assertVelocity(velocity.get("SQL"), 3, 33, 35);         // 10, 33, 35 hours (L2's second stay goes on)
        assertVelocity(velocity.get("QUALIFICATION"), 2, 72, 120);
        assertVelocity(velocity.get("PROPOSAL"), 1, 24, 24);
        assertVelocity(velocity.get("QUOTE"), 1, 36, 36);
        assertVelocity(velocity.get("NEGOTIATION"), 0, 0, 0);

        WinRate winRate = dashboard.winRate(month, month, null, null);
        assertThat(winRate.won()).isEqualTo(1);
        assertThat(winRate.lost()).isEqualTo(1);
        assertThat(winRate.percent()).isEqualTo(50.0);
        assertThat(winRate.owners()).singleElement().satisfies(o -> {
            assertThat(o.ownerId()).isEqualTo(sales);
            assertThat(o.percent()).isEqualTo(50.0);
        });
        assertThat(dashboard.lostReasons(month, month, null, null)).containsExactly(new LostReasonRow("PRICE", 1));

        Handoff handoff = dashboard.handoff(month, month, null, null);
        assertThat(handoff.handedOver()).isEqualTo(4);
        assertThat(handoff.returned()).isEqualTo(1);
        assertThat(handoff.returnedPercent()).isEqualTo(25.0);
        assertThat(handoff.touched()).isEqualTo(3);
        assertThat(handoff.medianHoursToTouch()).isEqualTo(5.0);   // 1, 5, 9 hours
        long returnedId = l2.id();
        assertThat(handoff.latestReturns()).singleElement().satisfies(r -> {
            assertThat(r.leadId()).isEqualTo(returnedId);
            assertThat(r.reason()).isEqualTo("Not the buyer " + tag);
        });
        // by source (all PARTNER) and by the owner then: the MQLs were marketing's, the rest the sales user's
        assertThat(dashboard.trend(month, month, LeadSource.PARTNER, null).series())
                .extracting(s -> s.counts().getFirst()).containsExactly(3L, 3L, 2L, 1L);
        assertThat(dashboard.trend(month, month, LeadSource.PARTNER, sales).series())
                .extracting(s -> s.counts().getFirst()).containsExactly(0L, 3L, 2L, 1L);
        assertThat(dashboard.winRate(month, month, LeadSource.EVENT, null).won()).isZero();

        // an SQL past its first-touch deadline counts as overdue until it is touched
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails late = sql(mql(create("Eve", "Late" + tag)), sales);
        at(t0, 170 + 48);
        long overdue = dashboard.handoff(month, month, null, sales).overdueNow();
        TestLogins.as("sales", Role.SALES);
        leads.accept(late.id(), late.version());
        TestLogins.as("marketing", Role.MARKETING);
        assertThat(dashboard.handoff(month, month, null, sales).overdueNow()).isEqualTo(overdue - 1);
        assertCountedAsInTheBaseTables();
    }

    @Test
    void every_figure_equals_the_base_tables_after_a_random_mix_of_changes() {
        Random random = new Random(20261127L);
        YearMonth month = YearMonth.of(2040 + (int) Math.floorMod(System.nanoTime(), 40L), 7);
        Instant[] clock = {month.atDay(1).atStartOfDay(zone.id()).toInstant()};
        TestClock.set(clock[0]);
        String tag = String.valueOf(System.nanoTime() % 1_000_000_000L);
        List<Long> salesUsers = List.of(userId("sales"),
                userId("paulo"));
        LeadSource[] sources = {LeadSource.PARTNER, LeadSource.EVENT, LeadSource.REFERRAL};
        List<LeadDetails> open = new ArrayList<>();
        List<OpportunityDetails> deals = new ArrayList<>();
        List<LeadDetails> sqls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            TestClock.advance(Duration.ofMinutes(random.nextInt(60 * 30)));
            TestLogins.as("marketing", Role.MARKETING);
            LeadDetails lead = leads.create(new LeadInput("Rand" + i, "Mix" + tag + "x" + i,
                    "rand" + i + "." + tag + "@mix.example.com", null, "Mix Co " + i, null, null,
                    sources[random.nextInt(sources.length)], null, null), true);
            if (random.nextInt(5) == 0) {
                leads.disqualify(lead.id(), lead.version(), DisqualificationReason.NO_INTEREST, null);
                continue;
            }
            TestClock.advance(Duration.ofHours(random.nextInt(90)));
            lead = mql(lead);
            if (random.nextInt(4) == 0) {
                open.add(lead);
                continue;
            }
            TestClock.advance(Duration.ofHours(random.nextInt(90)));
            long owner = salesUsers.get(random.nextInt(2));
            lead = sql(lead, owner);
            TestLogins.as(owner == salesUsers.getFirst() ? "sales" : "paulo", Role.SALES);
            if (random.nextBoolean()) {
                TestClock.advance(Duration.ofHours(random.nextInt(72)));
                lead = leads.accept(lead.id(), lead.version());
            }
            if (random.nextInt(3) == 0) {
                TestClock.advance(Duration.ofHours(random.nextInt(30)));
                lead = leads.returnToMarketing(lead.id(), lead.version(), "Random return " + i);
                TestLogins.as("marketing", Role.MARKETING);
                TestClock.advance(Duration.ofHours(random.nextInt(30)));
                lead = sql(lead, salesUsers.get(random.nextInt(2)));
                TestLogins.as(lead.ownerId() == salesUsers.getFirst() ? "sales" : "paulo", Role.SALES);
                TestClock.advance(Duration.ofHours(random.nextInt(30)));
                lead = leads.accept(lead.id(), lead.version());
            }
            if (random.nextInt(3) > 0) {
                TestClock.advance(Duration.ofHours(random.nextInt(200)));
                OpportunityDetails deal = convert(lead);
                TestClock.advance(Duration.ofHours(random.nextInt(300)));
                int fate = random.nextInt(4);
                if (fate == 0) {
                    deal = opportunities.moveStage(deal.id(), deal.version(), Stage.PROPOSAL, null, null, null);
                } else if (fate == 1) {
                    deal = opportunities.moveStage(deal.id(), deal.version(), Stage.CLOSED_WON, null, null, null);
                } else {
                    LostReason reason = LostReason.values()[random.nextInt(LostReason.values().length)];
                    deal = opportunities.moveStage(deal.id(), deal.version(), Stage.CLOSED_LOST, null, reason, "Lost " + i);
                    if (fate == 3) {
                        // reopened by leadership, then won later
                        TestLogins.as("leadership", Role.LEADERSHIP);
                        TestClock.advance(Duration.ofDays(random.nextInt(40)));
                        deal = opportunities.moveStage(deal.id(), deal.version(), Stage.QUALIFICATION, "Back", null, null);
                        TestLogins.as(deal.ownerId() == salesUsers.getFirst() ? "sales" : "paulo", Role.SALES);
                        TestClock.advance(Duration.ofDays(random.nextInt(40)));
                        deal = opportunities.moveStage(deal.id(), deal.version(), Stage.CLOSED_WON, null, null, null);
                    }
                }
                deals.add(deal);
            } else {
                sqls.add(lead);
            }
        }
        // merges: an MQL into another lead, and one of the open MQLs into a disqualified one's survivor
        TestLogins.as("marketing", Role.MARKETING);
        for (int i = 0; i + 1 < open.size(); i += 2) {
            LeadDetails survivor = leads.get(open.get(i).id());
            LeadDetails duplicate = leads.get(open.get(i + 1).id());
            TestClock.advance(Duration.ofHours(3));
            leads.merge(survivor.id(), survivor.version(), duplicate.id(), duplicate.version());
        }
        // reassigning an SQL moves its first touch to the new owner; the history events stay where they were
        TestLogins.as("leadership", Role.LEADERSHIP);
        for (LeadDetails sql : sqls) {
            LeadDetails lead = leads.get(sql.id());
            long other = lead.ownerId() == salesUsers.get(0) ? salesUsers.get(1) : salesUsers.get(0);
            leads.reassign(lead.id(), lead.version(), other);
        }
        assertThat(deals).isNotEmpty();
        assertThat(sqls).isNotEmpty();
        assertCountedAsInTheBaseTables();

        // and the figures read from the counts agree with the same figures from the base tables
        TestLogins.as("leadership", Role.LEADERSHIP);
        YearMonth to = month.plusMonths(6);
        for (Long owner : java.util.Arrays.asList(null, salesUsers.get(0), salesUsers.get(1))) {
            for (LeadSource source : java.util.Arrays.asList(null, LeadSource.PARTNER, LeadSource.EVENT)) {
                WinRate rate = dashboard.winRate(month, to, source, owner);
                assertThat(new long[] {rate.won(), rate.lost()}).as(source + " " + owner)
                        .containsExactly(closed(month, to, source, owner, "CLOSED_WON"),
                                closed(month, to, source, owner, "CLOSED_LOST"));
                Trend trend = dashboard.trend(month, to, source, owner);
                assertThat(trend.series().get(1).counts().stream().mapToLong(Long::longValue).sum())
                        .as("SQLs " + source + " " + owner).isEqualTo(firstSql(month, to, source, owner));
            }
        }
    }

    @Test
    void each_role_gets_only_its_figures_and_sales_only_its_own() {
        YearMonth now = YearMonth.now(zone.id());
        YearMonth from = now.minusYears(3);
        long sales = userId("sales");
        long colleague = userId("paulo");

        TestLogins.as("leadership", Role.LEADERSHIP);
        WinRate salesRate = dashboard.winRate(from, now, null, sales);
        List<Velocity> salesVelocity = dashboard.velocity(from, now, null, sales);
        List<LostReasonRow> salesLost = dashboard.lostReasons(from, now, null, sales);
        assertThat(dashboard.trend(from, now, null, null).series()).hasSize(4);

        TestLogins.as("sales", Role.SALES);
        // asking for everyone or for a colleague still gives its own figures
        for (Long asked : java.util.Arrays.asList(null, colleague)) {
            WinRate own = dashboard.winRate(from, now, null, asked);
            assertThat(new long[] {own.won(), own.lost()}).containsExactly(salesRate.won(), salesRate.lost());
            assertThat(own.owners()).allSatisfy(o -> assertThat(o.ownerId()).isEqualTo(sales));
            assertThat(dashboard.velocity(from, now, null, asked)).isEqualTo(salesVelocity);
            assertThat(dashboard.lostReasons(from, now, null, asked)).isEqualTo(salesLost);
        }
        assertThatThrownBy(() -> dashboard.trend(from, now, null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.handoff(from, now, null, null)).isInstanceOf(AccessDeniedException.class);

        TestLogins.as("marketing", Role.MARKETING);
        assertThat(dashboard.trend(from, now, null, null).series()).extracting(Trend.Series::step)
                .containsExactly("MQL", "SQL");
        assertThat(dashboard.handoff(from, now, null, null).handedOver()).isPositive();
        assertThatThrownBy(() -> dashboard.winRate(from, now, null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.velocity(from, now, null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.lostReasons(from, now, null, null)).isInstanceOf(AccessDeniedException.class);

        TestLogins.as("admin", Role.ADMIN);
        assertThat(dashboard.winRate(from, now, null, null).won()).isGreaterThanOrEqualTo(salesRate.won());
        assertThat(dashboard.handoff(from, now, null, null).handedOver()).isPositive();
    }

    // --- the truth ---

    /** The whole stage tally, summed over its slots, equals the events counted from the base tables. */
    private void assertCountedAsInTheBaseTables() {
        app.funnel.statistics.TallyTruth.assertStageTallyAsInTheBaseTables(context);
    }

    /** Deals whose last change closed them so, in the months, under the owner then: from the history rows. */
    private long closed(YearMonth from, YearMonth to, LeadSource source, Long owner, String stage) {
        return count("""
                SELECT COUNT(*) FROM stage_change s WHERE s.record_type = 'OPPORTUNITY' AND s.to_stage = ?
                  AND\s""" + zone.monthSql("s.changed_at") + " BETWEEN ? AND ?" + """

                  AND NOT EXISTS (SELECT 1 FROM stage_change t WHERE t.record_type = 'OPPORTUNITY'
                      AND t.record_id = s.record_id AND (t.changed_at > s.changed_at
                          OR (t.changed_at = s.changed_at AND t.id > s.id)))""", List.of(stage), from, to, source, owner);
    }

    /** Leads whose first row at SQL or later falls in the months: from the history rows. */
    private long firstSql(YearMonth from, YearMonth to, LeadSource source, Long owner) {
        return count("""
                SELECT COUNT(*) FROM stage_change s WHERE s.record_type = 'LEAD' AND s.to_stage IN ('SQL', 'CONVERTED')
                  AND\s""" + zone.monthSql("s.changed_at") + " BETWEEN ? AND ?" + """

                  AND NOT EXISTS (SELECT 1 FROM stage_change t WHERE t.record_type = 'LEAD' AND t.record_id = s.record_id
                      AND t.to_stage IN ('SQL', 'CONVERTED') AND (t.changed_at < s.changed_at
                          OR (t.changed_at = s.changed_at AND t.id < s.id)))""", List.of(), from, to, source, owner);
    }

    private long count(String sql, List<Object> leading, YearMonth from, YearMonth to, LeadSource source, Long owner) {
        List<Object> args = new ArrayList<>(leading);
        args.add(month(from));
        args.add(month(to));
        StringBuilder query = new StringBuilder(sql);
        if (source != null) {
            query.append(" AND s.source = ?");
            args.add(source.name());
        }
        if (owner != null) {
            query.append(" AND s.owner_id = ?");
            args.add(owner);
        }
        Long n = jdbc.queryForObject(query.toString(), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private long userId(String username) {
        Long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
        return java.util.Objects.requireNonNull(id);
    }

    private static int month(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    // --- helpers ---

    private static void assertVelocity(Velocity velocity, long stays, double medianHours, double p80Hours) {
        assertThat(velocity.stays()).as(velocity.stage()).isEqualTo(stays);
        assertThat(velocity.medianDays()).as(velocity.stage()).isEqualTo(medianHours / 24.0);
        assertThat(velocity.p80Days()).as(velocity.stage()).isEqualTo(p80Hours / 24.0);
    }

    private static void at(Instant t0, int hours) {
        TestClock.set(t0.plus(Duration.ofHours(hours)));
    }

    private int publishMarker(String note) {
        DefinitionEntry lead = definitions.draft(Term.LEAD).entry();
        definitions.saveDraft(new DefinitionEntry(Term.LEAD, lead.body() + "\n\n" + note, lead.examples(),
                lead.criteria(), lead.probability(), lead.slaHours()), definitions.draft(Term.LEAD).rowVersion());
        return definitions.publish(note).number();
    }

    private LeadDetails create(String first, String last) {
        return leads.create(new LeadInput(first, last, first.toLowerCase() + "." + last.toLowerCase() + "@hand.example.com",
                null, "Hand Co " + last, null, null, LeadSource.PARTNER, null, null), true);
    }

    private LeadDetails mql(LeadDetails lead) {
        confirmLead(lead.id(), Term.MQL);
        return leads.qualify(lead.id(), lead.version());
    }

    private LeadDetails sql(LeadDetails mql, long owner) {
        confirmLead(mql.id(), Term.SQL);
        return leads.handOver(mql.id(), mql.version(), owner);
    }

    private OpportunityDetails convert(LeadDetails sql) {
        confirmLead(sql.id(), Term.OPPORTUNITY);
        return opportunities.convert(sql.id(), sql.version(), new ConversionInput("Deal " + sql.lastName(),
                new BigDecimal("50000"), "EUR", LocalDate.now(zone.id()).plusMonths(2), null, null));
    }

    private void confirmLead(long leadId, Term term) {
        leads.confirmCriteria(leadId, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(Criterion::code).toList());
    }

    private void confirmAll(long dealId, Term term) {
        opportunities.confirmCriteria(dealId, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(Criterion::code).toList());
    }
}
