package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.mywork.MyWork;
import app.funnel.mywork.MyWorkService;
import app.funnel.security.FunnelPrincipal;
import app.funnel.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * My work at a million leads and their deals, for a rep, a marketer and leadership, beside the same
 * lists read by plain JDBC: {@code ./mvnw -Pbench verify -Dit.test=MyWorkBench}. Adds 100,000
 * follow-ups spread over the sales users first (the demo has none). Writes {@code target/bench/mywork.json}.
 */
@BenchApp
class MyWorkBench {

    static {
        BenchApp.Database.prepare();
    }

    @Autowired
    MyWorkService myWork;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void my_work_for_each_role() {
        followUps(100_000);
        Bench bench = new Bench("mywork", Integer.getInteger("bench.runs", 31), 5);
        Instant since = Instant.now().minus(Duration.ofDays(7));
        login("sales", Role.SALES);
        for (int i = 0; i < 200; i++) {
            myWork.load(since);
        }
        MyWork sample = myWork.load(since);
        System.out.printf("%nsales: %d SQLs due, %d follow-ups, %d closing, %d stale, %d handed over%n",
                sample.sqlsDue().size(), sample.followUps().size(), sample.closing().size(), sample.stale().size(),
                sample.handedOver().size());
        assertThat(sample.followUps()).isNotEmpty();
        bench.header();
        long sales = userId("sales");
        bench.measure("my work, sales", () -> myWork.load(since), () -> floorSales(sales, since));
        login("marketing", Role.MARKETING);
        long marketing = userId("marketing");
        bench.measure("my work, marketing", () -> myWork.load(since), () -> floorMarketing(marketing, since));
        login("leadership", Role.LEADERSHIP);
        bench.measure("my work, leadership", () -> myWork.load(since), this::floorLeadership);
        Path file = bench.write(Path.of("target/bench"));
        System.out.println("written " + file);
        assertThat(bench.results()).allSatisfy(r -> assertThat(r.appMs()).isPositive());
    }

    private void followUps(int wanted) {
        // the past ones were reminded of when they came due, as in a team that has used Funnel: no backlog of
        // reminders for the scheduler to work through while other benchmarks measure
        jdbc.update("UPDATE follow_up SET reminded_at = due_at WHERE created_by = 'bench' AND reminded_at IS NULL "
                + "AND due_at < UTC_TIMESTAMP(6)");
        Integer have = jdbc.queryForObject("SELECT COUNT(*) FROM follow_up", Integer.class);
        if (have != null && have >= wanted) {
            return;
        }
        List<Long> reps = jdbc.queryForList("SELECT user_id FROM app_user_role WHERE role = 'SALES'", Long.class);
        List<Long> leads = jdbc.queryForList("SELECT id FROM leads WHERE status = 'SQL' LIMIT " + wanted, Long.class);
        java.util.Random random = new java.util.Random(16);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            // from two weeks ago to three weeks ahead; a third of them done
            Instant due = Instant.now().plus(Duration.ofHours(random.nextInt(24 * 35) - 24 * 14));
            boolean done = random.nextInt(3) == 0;
            rows.add(new Object[] {leads.get(i % leads.size()), "Follow-up " + i, due.atOffset(ZoneOffset.UTC).toLocalDateTime(),
                    reps.get(i % reps.size()), done ? due.atOffset(ZoneOffset.UTC).toLocalDateTime() : null});
        }
        jdbc.batchUpdate("INSERT INTO follow_up (record_type, record_id, title, due_at, assignee_id, done_at, created_at, "
                + "created_by, updated_at, updated_by) VALUES ('LEAD', ?, ?, ?, ?, ?, UTC_TIMESTAMP(6), 'bench', "
                + "UTC_TIMESTAMP(6), 'bench')", rows);
        jdbc.update("UPDATE follow_up SET reminded_at = due_at WHERE created_by = 'bench' AND reminded_at IS NULL "
                + "AND due_at < UTC_TIMESTAMP(6)");
    }

    private Object floorSales(long me, Instant since) {
        var now = java.time.LocalDateTime.now(ZoneOffset.UTC);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        jdbc.queryForList("SELECT id, first_name, last_name, company, first_touch_due_at FROM leads WHERE status = 'SQL' "
                + "AND owner_id = ? AND first_touch_due_at < ? AND first_touch_at IS NULL ORDER BY first_touch_due_at "
                + "LIMIT 10", me, now.plusHours(4));
        jdbc.queryForList("SELECT id, first_name, last_name, handed_over_at FROM leads WHERE owner_id = ? "
                + "AND handed_over_at > ? AND status = 'SQL' ORDER BY handed_over_at DESC LIMIT 10", me,
                since.atOffset(ZoneOffset.UTC).toLocalDateTime());
        jdbc.queryForList("SELECT id, name, amount, currency, expected_close, stage FROM opportunity WHERE owner_id = ? "
                + "AND stage IN ('QUALIFICATION', 'PROPOSAL', 'QUOTE', 'NEGOTIATION') AND expected_close BETWEEN ? AND ? "
                + "ORDER BY expected_close, id LIMIT 10", me, today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
        jdbc.queryForList("SELECT id, name, updated_at FROM opportunity WHERE owner_id = ? AND stage IN ('QUALIFICATION', "
                + "'PROPOSAL', 'QUOTE', 'NEGOTIATION') AND updated_at < ? ORDER BY updated_at, id LIMIT 10", me,
                now.minusDays(14));
        return jdbc.queryForList("SELECT f.id, f.title, f.due_at, l.first_name FROM follow_up f JOIN leads l ON l.id = f.record_id "
                + "WHERE f.assignee_id = ? AND f.done_at IS NULL AND f.due_at < ? ORDER BY f.due_at, f.id LIMIT 30", me,
                now.plusDays(7));
    }

    private Object floorMarketing(long me, Instant since) {
        var now = java.time.LocalDateTime.now(ZoneOffset.UTC);
        jdbc.queryForList("SELECT record_id, changed_by, changed_at, reason FROM stage_change WHERE record_type = 'LEAD' "
                + "AND to_stage = 'MQL' AND from_stage = 'SQL' AND changed_at >= ? AND owner_id = ? "
                + "ORDER BY changed_at DESC LIMIT 10", since.atOffset(ZoneOffset.UTC).toLocalDateTime(), me);
        jdbc.queryForList("SELECT id, file_name FROM lead_import WHERE started_by = 'marketing' AND finished_at > ? LIMIT 10",
                since.atOffset(ZoneOffset.UTC).toLocalDateTime());
        return jdbc.queryForList("SELECT id, title, due_at FROM follow_up WHERE assignee_id = ? AND done_at IS NULL "
                + "AND due_at < ? ORDER BY due_at, id LIMIT 30", me, now.plusDays(7));
    }

    private Object floorLeadership() {
        var now = java.time.LocalDateTime.now(ZoneOffset.UTC);
        for (Long rep : jdbc.queryForList("SELECT user_id FROM app_user_role WHERE role = 'SALES'", Long.class)) {
            jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE status = 'SQL' AND owner_id = ? AND first_touch_due_at < ? "
                    + "AND first_touch_at IS NULL", Long.class, rep, now);
        }
        return jdbc.queryForList("SELECT assignee_id, COUNT(*) FROM follow_up WHERE done_at IS NULL AND due_at < ? "
                + "GROUP BY assignee_id", now);
    }

    private long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
    }

    private void login(String username, Role role) {
        long id = userId(username);
        FunnelPrincipal principal = new FunnelPrincipal(id, username, username, "", true, Set.of(role));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
