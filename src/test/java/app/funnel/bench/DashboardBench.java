package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.dashboard.DashboardService;
import app.funnel.dashboard.Funnel;
import app.funnel.dashboard.FunnelFromHistory;
import app.funnel.dashboard.Handoff;
import app.funnel.dashboard.Trend;
import app.funnel.dashboard.Velocity;
import app.funnel.dashboard.WinRate;
import app.funnel.statistics.FunnelStep;
import app.funnel.lead.LeadQuery;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import org.springframework.data.domain.PageRequest;
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
    app.funnel.base.CompanyZone zone;
    @Autowired
    DashboardService dashboard;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeadService leads;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void funnel_figures() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        // the base-table side takes seconds per run at a million leads: fewer runs than elsewhere
        int runs = Integer.getInteger("bench.runs", 5);
        Bench bench = new Bench("dashboard", runs, 1);
        YearMonth now = YearMonth.now(zone.id());
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
        assertThat(dashboard.pipeline(now, next, null, null)).extracting(r -> r.deals())
                .containsExactlyElementsOf(floorPipeline(now, next, null).stream().map(r -> (Long) r[2]).toList());
        bench.measure("pipeline, next 12 months", () -> dashboard.pipeline(now, next, null, null),
                () -> floorPipeline(now, next, null));
        long sales = salesId();
        bench.measure("pipeline, next 12 months, owner sales", () -> dashboard.pipeline(now, next, null, sales),
                () -> floorPipeline(now, next, sales));
        historyFigures(bench, now, owner, sales);
        Path written = bench.write(Path.of("target/bench"));
        System.out.println("Written to " + written.toAbsolutePath());
    }

    /**
     * The figures from the history (trend, velocity, win rate, lost reasons, handoff), each beside
     * the same figure from the base tables (the history rows with window functions, the leads), and
     * the whole dashboard as leadership opens it (every figure, this year).
     */
    private void historyFigures(Bench bench, YearMonth now, long marketing, long sales) {
        YearMonth from = now.minusMonths(11);
        Trend trend = dashboard.trend(from, now, null, null);
        java.util.Map<String, long[]> trendFloor = floorTrend(from, now);
        for (Trend.Series series : trend.series()) {
            assertThat(series.counts()).as("trend " + series.step()).containsExactlyElementsOf(
                    java.util.Arrays.stream(trendFloor.get(series.step())).boxed().toList());
        }
        bench.measure("trend, last 12 months", () -> dashboard.trend(from, now, null, null), () -> floorTrend(from, now));
        bench.measure("trend, last 12 months, source EVENT", () -> dashboard.trend(from, now, LeadSource.EVENT, null),
                () -> floorTrend(from, now));
        bench.measure("trend, last 12 months, owner marketing", () -> dashboard.trend(from, now, null, marketing),
                () -> floorTrend(from, now));
        List<Velocity> velocity = dashboard.velocity(from, now, null, null);
        java.util.Map<String, double[]> velocityFloor = floorVelocity(from, now);
        for (Velocity v : velocity) {
            double[] truth = velocityFloor.getOrDefault(v.stage(), new double[3]);
            assertThat(new double[] {v.stays(), v.medianDays(), v.p80Days()}).as("velocity " + v.stage())
                    .containsExactly(truth);
        }
        bench.measure("velocity, last 12 months", () -> dashboard.velocity(from, now, null, null),
                () -> floorVelocity(from, now));
        bench.measure("velocity, last 12 months, owner sales", () -> dashboard.velocity(from, now, null, sales),
                () -> floorVelocity(from, now));
        WinRate rate = dashboard.winRate(from, now, null, null);
        long[] closed = floorClosed(from, now);
        assertThat(new long[] {rate.won(), rate.lost()}).containsExactly(closed);
        bench.measure("win rate, last 12 months (per month and owner)", () -> dashboard.winRate(from, now, null, null),
                () -> floorClosed(from, now));
        bench.measure("lost reasons, last 12 months", () -> dashboard.lostReasons(from, now, null, null),
                () -> floorClosed(from, now));
        Handoff handoff = dashboard.handoff(from, now, null, null);
        long[] handoffFloor = floorHandoff(from, now);
        assertThat(new long[] {handoff.handedOver(), handoff.returned(), handoff.touched(),
                handoff.medianHoursToTouch() == null ? -1 : Math.round(handoff.medianHoursToTouch())})
                .containsExactly(handoffFloor);
        bench.measure("handoff, last 12 months", () -> dashboard.handoff(from, now, null, null),
                () -> floorHandoff(from, now));

        // the parts of win rate and handoff, each alone (the floor is an empty call): where their time goes
        var figures = context.getBean(app.funnel.statistics.FunnelFigures.class);
        var users = context.getBean(app.funnel.user.UserService.class);
        var closedKinds = List.of(app.funnel.statistics.FunnelFigures.Event.WON, app.funnel.statistics.FunnelFigures.Event.LOST);
        bench.measure("probe: win rate's closed deals per month", () -> figures.events(closedKinds, true, from, now, null, null),
                () -> Boolean.TRUE);
        bench.measure("probe: win rate's closed deals per owner", () -> figures.eventsPerOwner(closedKinds, from, now, null, null),
                () -> Boolean.TRUE);
        bench.measure("probe: users' display names", users::displayNames, () -> Boolean.TRUE);
        bench.measure("probe: users' display names by username", users::displayNamesByUsername, () -> Boolean.TRUE);
        bench.measure("probe: handoff's overdue SQLs now", () -> leads.overdueSqls(null, null), () -> Boolean.TRUE);
        bench.measure("probe: handoff's events", () -> figures.events(List.of(app.funnel.statistics.FunnelFigures.Event.HANDOFF,
                app.funnel.statistics.FunnelFigures.Event.RETURNED, app.funnel.statistics.FunnelFigures.Event.TOUCH), false,
                from, now, null, null), () -> Boolean.TRUE);
        bench.measure("probe: handoff's latest returns", () -> figures.latestReturns(app.funnel.lead.LeadStatus.LIFECYCLE,
                from, now, null, null, 6), () -> Boolean.TRUE);

        // a click on the funnel's SQL step: the lead grid's count and pages of exactly those leads
        java.time.LocalDate first = from.atDay(1);
        java.time.LocalDate last = now.atEndOfMonth();
        LeadQuery sqls = new LeadQuery(null, null, null, first, last, null, FunnelStep.SQL);
        String where = " WHERE reach >= 2 AND created_at >= ? AND created_at < ?";
        List<Object> range = List.of(first.atStartOfDay(), last.plusDays(1).atStartOfDay());
        long count = leads.count(sqls);
        assertThat(count).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM leads" + where, Long.class,
                range.toArray()));
        bench.measure("drill-down: SQLs of last 12 months, count", () -> leads.count(sqls),
                () -> jdbc.queryForObject("SELECT COUNT(*) FROM leads" + where, Long.class, range.toArray()));
        for (long offset : List.of(0L, count / 2 / 50 * 50, Math.max(0, (count - 1) / 50 * 50))) {
            List<Object> args = new ArrayList<>(range);
            args.add(offset);
            assertThat(leads.search(sqls, PageRequest.of((int) (offset / 50), 50)).stream().map(r -> r.id()).toList())
                    .isEqualTo(jdbc.queryForList("SELECT id FROM leads" + where
                            + " ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET ?", Long.class, args.toArray()));
            bench.measure("drill-down: SQLs of last 12 months, page at " + offset,
                    () -> leads.search(sqls, PageRequest.of((int) (offset / 50), 50)),
                    () -> Bench.rows(dataSource, "SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.source, "
                            + "l.owner_id, l.status, l.suspect_reasons, l.first_touch_due_at, l.first_touch_at, "
                            + "l.created_at FROM leads l JOIN (SELECT id FROM leads" + where
                            + " ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET ?) p ON p.id = l.id "
                            + "ORDER BY l.created_at DESC, l.id DESC", args));
        }

        // the whole dashboard as leadership opens it: every figure, this year (to its end)
        YearMonth january = YearMonth.of(now.getYear(), 1);
        YearMonth december = YearMonth.of(now.getYear(), 12);
        java.util.function.Supplier<Object> whole = () -> List.of(dashboard.funnel(january, december, null, null),
                dashboard.trend(january, december, null, null), dashboard.sources(january, december, null),
                dashboard.handoff(january, december, null, null), dashboard.pipeline(january, december, null, null),
                dashboard.winRate(january, december, null, null), dashboard.velocity(january, december, null, null),
                dashboard.lostReasons(january, december, null, null));
        double[] times = new double[21];
        whole.get();
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            whole.get();
            times[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        java.util.Arrays.sort(times);
        List<String> parts = List.of("funnel, this year", "trend, last 12 months", "sources, last 12 months",
                "handoff, last 12 months", "pipeline, next 12 months", "win rate, last 12 months (per month and owner)",
                "velocity, last 12 months", "lost reasons, last 12 months");
        double floors = bench.results().stream().filter(r -> parts.contains(r.name()))
                .mapToDouble(Bench.Result::floorMs).sum();
        bench.add("whole dashboard, leadership, this year (8 figures)", times[times.length / 2], floors, times.length);
    }

    /** First MQL, SQL, new deals and wins per month, from the history rows. */
    private java.util.Map<String, long[]> floorTrend(YearMonth from, YearMonth to) {
        int months = (to.getYear() * 12 + to.getMonthValue()) - (from.getYear() * 12 + from.getMonthValue()) + 1;
        java.util.Map<String, long[]> counts = new java.util.HashMap<>();
        for (String step : List.of("MQL", "SQL", "OPPORTUNITY", "WON")) {
            counts.put(step, new long[months]);
        }
        jdbc.query("""
                SELECT step, m, COUNT(*) FROM (
                  SELECT 'MQL' AS step, %1$s AS m FROM stage_change
                  WHERE record_type = 'LEAD' AND to_stage IN ('MQL', 'SQL', 'CONVERTED') GROUP BY record_id
                  UNION ALL
                  SELECT 'SQL', %1$s FROM stage_change
                  WHERE record_type = 'LEAD' AND to_stage IN ('SQL', 'CONVERTED') GROUP BY record_id
                  UNION ALL
                  SELECT 'OPPORTUNITY', %1$s FROM stage_change
                  WHERE record_type = 'OPPORTUNITY' GROUP BY record_id
                  UNION ALL
                  SELECT 'WON', %2$s FROM (
                    SELECT to_stage, changed_at, ROW_NUMBER() OVER (PARTITION BY record_id ORDER BY changed_at DESC, id DESC) AS rn
                    FROM stage_change WHERE record_type = 'OPPORTUNITY') l WHERE rn = 1 AND to_stage = 'CLOSED_WON'
                ) x WHERE m BETWEEN ? AND ? GROUP BY step, m""".formatted(zone.monthSql("MIN(changed_at)"),
                zone.monthSql("changed_at")), rs -> {
            int m = rs.getInt(2);
            counts.get(rs.getString(1))[(m / 100 * 12 + m % 100) - (from.getYear() * 12 + from.getMonthValue())] +=
                    rs.getLong(3);
        }, month(from), month(to));
        return counts;
    }

    /** Stays that ended in the months, per status or stage: count, median and P80 days, from the history rows. */
    private java.util.Map<String, double[]> floorVelocity(YearMonth from, YearMonth to) {
        java.util.Map<String, List<Integer>> hours = new java.util.HashMap<>();
        jdbc.query("""
                SELECT to_stage, CASE WHEN h < 48 THEN GREATEST(h, 0) ELSE LEAST(FLOOR(h / 24), 366) * 24 END FROM (
                  SELECT to_stage, TIMESTAMPDIFF(HOUR, changed_at, next_at) AS h, next_at FROM (
                    SELECT to_stage, changed_at, LEAD(changed_at) OVER (PARTITION BY record_type, record_id
                                                                        ORDER BY changed_at, id) AS next_at
                    FROM stage_change) w
                  WHERE next_at >= ? AND next_at < ?
                    AND to_stage IN ('NEW', 'MQL', 'SQL', 'QUALIFICATION', 'PROPOSAL', 'QUOTE', 'NEGOTIATION')) s""",
                rs -> {
                    hours.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2));
                }, from.atDay(1).atStartOfDay(), to.plusMonths(1).atDay(1).atStartOfDay());
        java.util.Map<String, double[]> rows = new java.util.HashMap<>();
        hours.forEach((stage, list) -> {
            List<Integer> sorted = list.stream().sorted().toList();
            int n = sorted.size();
            rows.put(stage, new double[] {n, sorted.get((int) Math.ceil(0.5 * n) - 1) / 24.0,
                    sorted.get((int) Math.ceil(0.8 * n) - 1) / 24.0});
        });
        return rows;
    }

    /** Deals whose last change won or lost them in the months: won, lost. */
    private long[] floorClosed(YearMonth from, YearMonth to) {
        long[] closed = new long[2];
        jdbc.query("""
                SELECT to_stage, COUNT(*) FROM (
                  SELECT to_stage, changed_at, ROW_NUMBER() OVER (PARTITION BY record_id ORDER BY changed_at DESC, id DESC) AS rn
                  FROM stage_change WHERE record_type = 'OPPORTUNITY') l
                WHERE rn = 1 AND to_stage IN ('CLOSED_WON', 'CLOSED_LOST') AND changed_at >= ? AND changed_at < ?
                GROUP BY to_stage""", rs -> {
            closed["CLOSED_WON".equals(rs.getString(1)) ? 0 : 1] = rs.getLong(2);
        }, from.atDay(1).atStartOfDay(), to.plusMonths(1).atDay(1).atStartOfDay());
        return closed;
    }

    /** Handoffs, returns, touched leads and their median hours to first touch, in the months. */
    private long[] floorHandoff(YearMonth from, YearMonth to) {
        Object[] range = {from.atDay(1).atStartOfDay(), to.plusMonths(1).atDay(1).atStartOfDay()};
        Long handed = jdbc.queryForObject("SELECT COUNT(*) FROM stage_change WHERE record_type = 'LEAD' "
                + "AND to_stage = 'SQL' AND changed_at >= ? AND changed_at < ?", Long.class, range);
        Long returned = jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT to_stage, LEAD(to_stage) OVER w AS next_stage, LEAD(changed_at) OVER w AS next_at
                                      FROM stage_change WHERE record_type = 'LEAD'
                                      WINDOW w AS (PARTITION BY record_id ORDER BY changed_at, id)) r
                WHERE to_stage = 'SQL' AND next_stage = 'MQL' AND next_at >= ? AND next_at < ?""", Long.class, range);
        List<Integer> hours = jdbc.queryForList("""
                SELECT CASE WHEN h < 48 THEN GREATEST(h, 0) ELSE LEAST(FLOOR(h / 24), 366) * 24 END FROM (
                  SELECT TIMESTAMPDIFF(HOUR, handed_over_at, first_touch_at) AS h FROM leads
                  WHERE handed_over_at >= ? AND handed_over_at < ? AND first_touch_at IS NOT NULL) t ORDER BY 1""",
                Integer.class, range);
        long median = hours.isEmpty() ? -1 : hours.get((int) Math.ceil(0.5 * hours.size()) - 1);
        return new long[] {handed == null ? 0 : handed, returned == null ? 0 : returned, hours.size(), median};
    }

    private static int month(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    /** The plain GROUP BY: each lead's furthest step from the history rows, counted per step reached. */
    private long[] floor(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long owner) {
        return FunnelFromHistory.counts(jdbc, zone, from, to, source, owner);
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
