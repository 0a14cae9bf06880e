package app.funnel.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.lead.LeadSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The opportunity grid's fast paths (tally counts and totals, close-month seeks, the nearer end)
 * return exactly what plain SQL over the opportunity table returns, on the demo's deals.
 */
@FunnelAppTest
class OpportunitySearchIT {

    @Autowired
    OpportunitySearch search;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void deepPathsEvenOnSmallData() {
        search.shallow(20);
    }

    @AfterEach
    void back() {
        search.shallow(OpportunitySearch.SHALLOW);
    }

    @Test
    void every_page_count_and_total_equals_plain_sql() {
        long owner = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'sales'", Long.class);
        long account = jdbc.queryForObject("SELECT account_id FROM opportunity ORDER BY id LIMIT 1", Long.class);
        LocalDate from = LocalDate.now().withDayOfMonth(1);
        LocalDate to = from.plusMonths(4).minusDays(1);
        record Filter(OpportunityQuery query, String where, Object[] args) {
        }
        List<Filter> filters = List.of(
                new Filter(OpportunityQuery.all(), "", new Object[0]),
                new Filter(OpportunityQuery.all().withStage(Stage.CLOSED_LOST), " WHERE stage = ?", new Object[] {"CLOSED_LOST"}),
                new Filter(new OpportunityQuery(null, owner, null, null, null, null, null), " WHERE owner_id = ?",
                        new Object[] {owner}),
                new Filter(new OpportunityQuery(null, null, null, from, to, null, null),
                        " WHERE expected_close >= ? AND expected_close <= ?", new Object[] {from, to}),
                new Filter(new OpportunityQuery(null, null, account, null, null, null, null), " WHERE account_id = ?",
                        new Object[] {account}),
                new Filter(new OpportunityQuery(null, null, null, null, null, new BigDecimal("50000"), null),
                        " WHERE amount >= ?", new Object[] {new BigDecimal("50000")}),
                // the dashboard's drill-downs: open deals closing in months in a currency; deals lost for a
                // reason in months (their stage last changed then), by the source of their lead
                new Filter(new OpportunityQuery(null, owner, null, from, to, null, null, true, null, null, null, "EUR", null,
                        null, null),
                        " WHERE owner_id = ? AND stage IN ('QUALIFICATION', 'PROPOSAL', 'QUOTE', 'NEGOTIATION') "
                                + "AND currency = 'EUR' AND expected_close >= ? AND expected_close <= ?",
                        new Object[] {owner, from, to}),
                new Filter(new OpportunityQuery(Stage.CLOSED_LOST, null, null, null, null, null, null, false,
                        from.minusYears(1), from.plusMonths(1), LostReason.PRICE, null, LeadSource.EVENT, null, null),
                        " WHERE stage = 'CLOSED_LOST' AND stage_changed_at >= ? AND stage_changed_at < ? "
                                + "AND lost_reason = 'PRICE' AND source = 'EVENT'",
                        new Object[] {from.minusYears(1).atStartOfDay(), from.plusMonths(1).plusDays(1).atStartOfDay()}),
                // the trend's new deals of a month
                new Filter(new OpportunityQuery(null, null, null, null, null, null, null, false, null, null, null, null,
                        null, from.minusMonths(6), from.minusMonths(5).minusDays(1)),
                        " WHERE created_at >= ? AND created_at < ?",
                        new Object[] {from.minusMonths(6).atStartOfDay(), from.minusMonths(5).atStartOfDay()}));
        record SortCase(Sort sort, String sql) {
        }
        List<SortCase> sorts = List.of(
                new SortCase(Sort.unsorted(), "expected_close ASC, id ASC"),
                new SortCase(Sort.by(Sort.Order.desc("expectedClose")), "expected_close DESC, id DESC"),
                new SortCase(Sort.by(Sort.Order.desc("amount")), "amount DESC, id DESC"),
                new SortCase(Sort.by("stage"), "stage ASC, expected_close ASC, id ASC"),
                new SortCase(Sort.by("name"), "name ASC, id ASC"));
        for (Filter filter : filters) {
            long expected = jdbc.queryForObject("SELECT COUNT(*) FROM opportunity" + filter.where(), Long.class,
                    filter.args());
            assertThat(search.count(filter.query())).as("count" + filter.where()).isEqualTo(expected);
            String totals = jdbc.queryForList("SELECT currency, COUNT(*) AS n, SUM(amount) AS total, "
                    + "ROUND(SUM(ROUND(amount * probability / 100, 4)), 2) AS weighted FROM opportunity" + filter.where()
                    + " GROUP BY currency ORDER BY SUM(amount) DESC", filter.args()).stream()
                    .map(r -> r.get("currency") + " " + r.get("n") + " " + ((BigDecimal) r.get("total")).setScale(2)
                            + " " + ((BigDecimal) r.get("weighted")).setScale(2)).toList().toString();
            assertThat(search.totals(filter.query()).stream().map(t -> t.currency() + " " + t.count() + " "
                    + t.amount() + " " + t.weighted()).toList().toString()).as("totals" + filter.where()).isEqualTo(totals);
            for (SortCase sort : sorts) {
                for (long offset : offsets(expected)) {
                    List<Long> plain = jdbc.queryForList("SELECT id FROM opportunity" + filter.where() + " ORDER BY "
                            + sort.sql() + " LIMIT 10 OFFSET " + offset, Long.class, filter.args());
                    List<Long> fast = search.page(filter.query(), PageRequest.of((int) (offset / 10), 10, sort.sort()))
                            .stream().map(OpportunityRow::id).toList();
                    assertThat(fast).as(filter.where() + " ORDER BY " + sort.sql() + " OFFSET " + offset).isEqualTo(plain);
                }
            }
        }
    }

    @Test
    void the_tally_equals_a_group_by_over_the_deals() {
        // summed over the tally's slots; a deal without a lead counted under "no source", '-'
        String tally = "SELECT stage, owner_id, currency, close_month, source, CAST(SUM(n) AS SIGNED) AS n, "
                + "SUM(amount) AS amount, ROUND(SUM(weighted), 2) AS w "
                + "FROM opportunity_tally GROUP BY 1, 2, 3, 4, 5 HAVING n <> 0 ORDER BY 1, 2, 3, 4, 5";
        String truth = "SELECT stage, owner_id, currency, EXTRACT(YEAR_MONTH FROM expected_close) AS close_month, "
                + "COALESCE(source, '-') AS source, COUNT(*) AS n, SUM(amount) AS amount, "
                + "ROUND(SUM(ROUND(amount * probability / 100, 4)), 2) AS w "
                + "FROM opportunity GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";
        assertThat(jdbc.queryForList(tally).toString()).isEqualTo(jdbc.queryForList(truth).toString());
    }

    private static List<Long> offsets(long count) {
        List<Long> offsets = new ArrayList<>();
        for (long offset : new long[] {0, 30, count / 3 / 10 * 10, count / 2 / 10 * 10, (count - 1) / 10 * 10,
                count / 10 * 10 + 10}) {
            if (offset >= 0 && !offsets.contains(offset)) {
                offsets.add(offset);
            }
        }
        return offsets;
    }
}
