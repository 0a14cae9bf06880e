package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.dashboard.DashboardService;
import app.funnel.dashboard.Funnel;
import app.funnel.dashboard.FunnelFromHistory;
import app.funnel.lead.LeadSource;
import app.funnel.security.Role;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's funnel at a million leads: {@code ./mvnw -Pbench verify -Dit.test=DashboardBench}.
 * Each case is the figure as the dashboard asks the service for it (a sum over the lead tally),
 * beside the same figure computed by a plain GROUP BY over the base tables: each lead of the cohort
 * with the furthest step its own and its deal's history rows reached.
 */
@BenchApp
class DashboardBench {

    static {
        BenchApp.Database.prepare();
    }

    @Autowired
    DashboardService dashboard;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void funnel_figures() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        // the base-table side takes seconds per run at a million leads: fewer runs than elsewhere
        int runs = Integer.getInteger("bench.runs", 5);
        Bench bench = new Bench("dashboard", runs, 1);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        long owner = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'marketing'", Long.class);
        record Case(String name, YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        }
        List<Case> cases = List.of(
                new Case("funnel, this month", now, now, null, null),
                new Case("funnel, this quarter", YearMonth.of(now.getYear(), (now.getMonthValue() - 1) / 3 * 3 + 1), now,
                        null, null),
                new Case("funnel, this year", YearMonth.of(now.getYear(), 1), now, null, null),
                new Case("funnel, last 12 months", now.minusMonths(11), now, null, null),
                new Case("funnel, all (5 years)", now.minusYears(5), now, null, null),
                new Case("funnel, last 12 months, source EVENT", now.minusMonths(11), now, LeadSource.EVENT, null),
                new Case("funnel, last 12 months, owner marketing", now.minusMonths(11), now, null, owner));
        bench.header();
        for (Case c : cases) {
            Funnel funnel = dashboard.funnel(c.from(), c.to(), c.source(), c.owner());
            assertThat(counts(funnel)).as(c.name()).containsExactly(floor(c.from(), c.to(), c.source(), c.owner()));
            bench.measure(c.name(), () -> dashboard.funnel(c.from(), c.to(), c.source(), c.owner()),
                    () -> floor(c.from(), c.to(), c.source(), c.owner()));
        }
        YearMonth from = now.minusMonths(11);
        assertThat(dashboard.sources(from, now, null)).allSatisfy(row -> assertThat(
                new long[] {row.leads(), row.opportunities(), row.won()}).containsExactly(
                pick(floor(from, now, row.source(), null))));
        bench.measure("sources, last 12 months", () -> dashboard.sources(from, now, null),
                () -> floorSources(from, now));
        YearMonth next = now.plusMonths(11);
        assertThat(dashboard.pipeline(now, next, null)).extracting(r -> r.deals())
                .containsExactlyElementsOf(floorPipeline(now, next, null).stream().map(r -> (Long) r[2]).toList());
        bench.measure("pipeline, next 12 months", () -> dashboard.pipeline(now, next, null),
                () -> floorPipeline(now, next, null));
        long sales = salesId();
        bench.measure("pipeline, next 12 months, owner sales", () -> dashboard.pipeline(now, next, sales),
                () -> floorPipeline(now, next, sales));
        Path written = bench.write(Path.of("target/bench"));
        System.out.println("Written to " + written.toAbsolutePath());
    }

    /** The plain GROUP BY: each lead's furthest step from the history rows, counted per step reached. */
    private long[] floor(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        return FunnelFromHistory.counts(jdbc, from, to, source, owner);
    }

    /** The pipeline by a plain GROUP BY over the open deals. */
    private List<Object[]> floorPipeline(YearMonth from, YearMonth to, @Nullable Long owner) {
        List<Object> args = new ArrayList<>(List.of(from.atDay(1), to.atEndOfMonth()));
        if (owner != null) {
            args.add(owner);
        }
        return jdbc.query("SELECT EXTRACT(YEAR_MONTH FROM expected_close) AS m, currency, COUNT(*), SUM(amount), "
                        + "SUM(ROUND(amount * probability / 100, 4)) FROM opportunity "
                        + "WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND expected_close BETWEEN ? AND ? "
                        + (owner == null ? "" : "AND owner_id = ? ") + "GROUP BY m, currency ORDER BY m, currency",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)}, args.toArray());
    }

    private long salesId() {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'sales'", Long.class);
    }

    private static long[] pick(long[] funnel) {
        return new long[] {funnel[0], funnel[3], funnel[5]};
    }

    /** The sources figure by one plain GROUP BY: each lead's furthest step from the history rows, per source. */
    private java.util.Map<String, long[]> floorSources(YearMonth from, YearMonth to) {
        java.util.Map<String, long[]> rows = new java.util.HashMap<>();
        jdbc.query("SELECT l.source, " + FunnelFromHistory.REACH + ", COUNT(*) FROM leads l "
                        + "WHERE l.created_at >= ? AND l.created_at < ? GROUP BY l.source, r",
                rs -> {
                    long[] row = rows.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    int r = rs.getInt(2);
                    long n = rs.getLong(3);
                    row[0] += n;
                    row[1] += r >= 3 ? n : 0;
                    row[2] += r == 5 ? n : 0;
                }, from.atDay(1).atStartOfDay(), to.plusMonths(1).atDay(1).atStartOfDay());
        return rows;
    }

    private static long[] counts(Funnel funnel) {
        return funnel.steps().stream().mapToLong(Funnel.Step::count).toArray();
    }
}
