package app.funnel.lead;

import app.funnel.statistics.FunnelStep;
import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The grid's fast paths (tally counts, month seeks, reading from the nearer end) return exactly
 * what a plain ORDER BY ... LIMIT ... OFFSET over the leads table returns, on the demo's generated
 * leads.
 */
@FunnelAppTest
@org.junit.jupiter.api.Tag("dates")
class LeadSearchIT {

    @Autowired
    app.funnel.base.CompanyZone zone;
    @Autowired
    LeadSearch search;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeadService leads;

    record SortCase(Sort sort, String sql) {
    }

    static final List<SortCase> SORTS = List.of(
            new SortCase(Sort.by(Sort.Order.desc("createdAt")), "created_at DESC, id DESC"),
            new SortCase(Sort.by(Sort.Order.asc("createdAt")), "created_at ASC, id ASC"),
            new SortCase(Sort.by(Sort.Order.asc("status")), "status ASC, created_at DESC, id DESC"),
            new SortCase(Sort.by(Sort.Order.desc("status")), "status DESC, created_at ASC, id ASC"),
            new SortCase(Sort.by(Sort.Order.asc("lastName")), "last_name ASC, first_name ASC, id ASC"),
            new SortCase(Sort.by(Sort.Order.desc("company")), "company DESC, id DESC"),
            new SortCase(Sort.unsorted(), "created_at DESC, id DESC"));

    @org.junit.jupiter.api.BeforeEach
    void placeEvenShallowPagesWithTheTally() {
        // the demo has a few thousand leads: let every page but the first take the deep-page paths
        search.shallow(40);
    }

    @org.junit.jupiter.api.AfterEach
    void back() {
        search.shallow(LeadSearch.SHALLOW);
    }

    @Test
    void every_page_in_every_order_equals_a_plain_offset_query() {
        long owner = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'sales'", Long.class);
        record Filter(LeadQuery query, String where, Object[] args) {
        }
        List<Filter> filters = List.of(
                new Filter(LeadQuery.all(), "", new Object[0]),
                new Filter(LeadQuery.all().withStatus(LeadStatus.MQL), " WHERE status = ?", new Object[] {"MQL"}),
                new Filter(new LeadQuery(null, owner, null, null, null, null), " WHERE owner_id = ?", new Object[] {owner}),
                new Filter(new LeadQuery(LeadStatus.SQL, owner, LeadSource.EVENT, null, null, null),
                        " WHERE status = ? AND owner_id = ? AND source = ?", new Object[] {"SQL", owner, "EVENT"}),
                // the dashboard's drill-downs: created in whole months, reached a step (counted by the tally)
                new Filter(new LeadQuery(null, null, null, java.time.LocalDate.now().minusMonths(11).withDayOfMonth(1),
                        java.time.LocalDate.now().withDayOfMonth(1).plusMonths(1).minusDays(1), null, FunnelStep.SQL),
                        " WHERE reach >= 2 AND created_at >= ? AND created_at < ?", new Object[] {
                        java.time.LocalDate.now().minusMonths(11).withDayOfMonth(1).atStartOfDay(),
                        java.time.LocalDate.now().withDayOfMonth(1).plusMonths(1).atStartOfDay()}),
                new Filter(new LeadQuery(LeadStatus.CONVERTED, owner, null, java.time.LocalDate.now().withDayOfYear(1),
                        null, null, FunnelStep.QUOTE),
                        " WHERE status = 'CONVERTED' AND owner_id = ? AND reach >= 4 AND created_at >= ?", new Object[] {
                        owner, java.time.LocalDate.now().withDayOfYear(1).atStartOfDay()}),
                new Filter(new LeadQuery(null, null, LeadSource.EVENT, null, null, null, FunnelStep.OPPORTUNITY),
                        " WHERE source = 'EVENT' AND reach >= 3", new Object[0]),
                new Filter(new LeadQuery(null, null, null, null, null, "a"),
                        " WHERE (name_key LIKE 'a%' OR last_name LIKE 'a%' OR email_key LIKE 'a%' OR company LIKE 'a%')",
                        new Object[0]));
        for (Filter filter : filters) {
            long expectedCount = jdbc.queryForObject("SELECT COUNT(*) FROM leads" + filter.where(), Long.class,
                    filter.args());
            assertThat(search.count(filter.query())).as("count " + filter.where()).isEqualTo(expectedCount);
            assertThat(expectedCount).isGreaterThan(0);
            for (SortCase sort : SORTS) {
                for (long offset : offsets(expectedCount)) {
                    List<Long> expected = jdbc.queryForList("SELECT id FROM leads" + filter.where() + " ORDER BY "
                            + sort.sql() + " LIMIT 50 OFFSET " + offset, Long.class, filter.args());
                    List<Long> actual = search.page(filter.query(), PageRequest.of((int) (offset / 50), 50, sort.sort()))
                            .stream().map(LeadRow::id).toList();
                    assertThat(actual).as(filter.where() + " ORDER BY " + sort.sql() + " OFFSET " + offset)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void status_tab_counts_equal_a_group_by_over_the_leads() {
        Map<LeadStatus, Long> counts = search.countsByStatus(LeadQuery.all());
        jdbc.query("SELECT status, COUNT(*) FROM leads GROUP BY status", (java.sql.ResultSet rs) -> {
            assertThat(counts.get(LeadStatus.valueOf(rs.getString(1)))).isEqualTo(rs.getLong(2));
        });
    }

    @Test
    void the_tally_follows_every_create_change_and_merge_through_the_service() {
        app.funnel.TestLogins.as("marketing", app.funnel.security.Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails one = leads.create(new LeadInput("Tally", "Check" + tag, "tally" + tag + "@check.com", null, null,
                null, null, LeadSource.EVENT, null, null));
        LeadDetails two = leads.create(new LeadInput("Tally", "Check" + tag, "TALLY" + tag + "@check.com", null, null,
                null, null, LeadSource.PARTNER, null, null), true);
        assertTallyMatchesLeads();
        LeadDetails edited = leads.update(one.id(), one.version(), new LeadInput("Tally", "Check" + tag,
                "tally" + tag + "@check.com", null, null, null, null, LeadSource.SOCIAL, null, null), true);
        assertTallyMatchesLeads();
        LeadDetails out = leads.disqualify(edited.id(), edited.version(), DisqualificationReason.NOT_A_FIT, null);
        assertTallyMatchesLeads();
        app.funnel.TestLogins.as("leadership", app.funnel.security.Role.LEADERSHIP);
        long sales = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'sales'", Long.class);
        LeadDetails reassigned = leads.reassign(out.id(), out.version(), sales);
        assertTallyMatchesLeads();
        app.funnel.TestLogins.as("marketing", app.funnel.security.Role.MARKETING);
        LeadDetails back = leads.recycle(reassigned.id(), reassigned.version(), LeadStatus.NEW, "Came back to us");
        LeadDetails current = leads.get(two.id());
        leads.merge(back.id(), back.version(), current.id(), current.version());
        assertTallyMatchesLeads();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    private void assertTallyMatchesLeads() {
        String tally = "SELECT created_month, status, owner_id, source, SUM(n) AS n FROM lead_tally "
                + "GROUP BY 1, 2, 3, 4 HAVING n <> 0 ORDER BY 1, 2, 3, 4";
        String truth = "SELECT " + zone.monthSql("created_at") + " AS created_month, status, owner_id, source, COUNT(*) AS n "
                + "FROM leads GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";
        assertThat(jdbc.queryForList(tally).toString()).isEqualTo(jdbc.queryForList(truth).toString());
        for (String column : List.of("last_name", "company")) {
            String orderTally = "SELECT bucket, SUM(n) AS n FROM lead_order_tally WHERE sort_column = ? GROUP BY bucket HAVING n <> 0 ORDER BY bucket";
            String orderTruth = "SELECT (SELECT COUNT(*) FROM lead_order_bound b WHERE b.sort_column = ? AND b.bound <= l."
                    + column + ") AS bucket, COUNT(*) AS n FROM leads l GROUP BY 1 ORDER BY 1";
            assertThat(jdbc.queryForList(orderTally, column).toString()).as(column)
                    .isEqualTo(jdbc.queryForList(orderTruth, column).toString());
        }
    }

    private static List<Long> offsets(long count) {
        List<Long> offsets = new ArrayList<>();
        for (long offset : new long[] {0, 50, 500, count / 3 / 50 * 50, count / 2 / 50 * 50, (count - 1) / 50 * 50,
                count / 50 * 50 + 50}) {
            if (!offsets.contains(offset)) {
                offsets.add(offset);
            }
        }
        return offsets;
    }
}
