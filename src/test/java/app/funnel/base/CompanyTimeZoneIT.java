package app.funnel.base;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.TestClock;
import app.funnel.TestLogins;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadQuery;
import app.funnel.lead.LeadRow;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Times are stored in UTC and bucketed, filtered and shown in the company's zone, whatever zone the
 * JVM runs in: the suite runs this class (and the other {@code dates} tests) once in the JVM's zone
 * and once with {@code -Duser.timezone=America/Sao_Paulo}, the company's zone following the JVM's.
 */
@FunnelAppTest
@Tag("dates")
class CompanyTimeZoneIT {

    @Autowired
    CompanyZone zone;
    @Autowired
    LeadService leads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Settings settings;
    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    @AfterEach
    void reset() {
        TestClock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_company_zone_follows_the_jvm_unless_set() {
        assertThat(zone.id()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void a_lead_logged_late_on_the_last_day_of_a_month_counts_in_that_month_and_that_day() {
        int year = 2041 + (int) Math.floorMod(System.nanoTime(), 30L);
        // 22:00 on 31 January in the company's zone: in São Paulo (UTC-3) already February in UTC
        Instant late = LocalDateTime.of(year, 1, 31, 22, 0).atZone(zone.id()).toInstant();
        TestClock.set(late);
        TestLogins.as("marketing", Role.MARKETING);
        String last = "Late" + System.nanoTime();
        long january = tallied(year * 100 + 1);
        long february = tallied(year * 100 + 2);
        LeadDetails lead = leads.create(new LeadInput("Zoe", last, last.toLowerCase() + "@late.example.com", null, null, null, null, LeadSource.EVENT,
                null, null), true);

        // stored as UTC, read back as the same instant
        LocalDateTime stored = jdbc.queryForObject("SELECT created_at FROM leads WHERE id = ?", LocalDateTime.class,
                lead.id());
        assertThat(stored).isEqualTo(LocalDateTime.ofInstant(late, ZoneOffset.UTC));
        List<LeadRow> rows = leads.search(new LeadQuery(null, null, null, null, null, last), PageRequest.of(0, 10));
        assertThat(rows).singleElement().extracting(LeadRow::createdAt).isEqualTo(late);

        // counted in January, the month the company logged it in
        assertThat(tallied(year * 100 + 1)).isEqualTo(january + 1);
        assertThat(tallied(year * 100 + 2)).isEqualTo(february);
        // found by the day filter of 31 January, not by 1 February's
        LocalDate day = LocalDate.of(year, 1, 31);
        assertThat(leads.count(new LeadQuery(null, null, null, day, day, last))).isEqualTo(1);
        assertThat(leads.count(new LeadQuery(null, null, null, day.plusDays(1), day.plusDays(1), last))).isZero();
    }

    @Test
    void tallies_counted_in_another_zone_are_counted_again_at_start() {
        // as a database left by a build that counted in UTC, or a change of FUNNEL_TIME_ZONE, leaves them
        settings.put("lead_tally.time_zone", "Pacific/Kiritimati");
        settings.put("stage_tally.time_zone", "Pacific/Kiritimati");
        jdbc.update("UPDATE lead_tally SET n = n + 7 ORDER BY created_month LIMIT 1");
        jdbc.update("INSERT INTO stage_tally (owner_id, source, kind, month, stage, bucket, n) VALUES (0, '', 1, 190001, 'MQL', 0, 5)");

        context.publishEvent(new org.springframework.boot.context.event.ApplicationReadyEvent(
                new org.springframework.boot.SpringApplication(), new String[0], context, java.time.Duration.ZERO));

        assertThat(settings.get("lead_tally.time_zone")).contains(zone.id().getId());
        assertThat(settings.get("stage_tally.time_zone")).contains(zone.id().getId());
        assertThat(jdbc.queryForList("SELECT created_month, status, owner_id, source, CAST(SUM(n) AS SIGNED) AS n "
                + "FROM lead_tally GROUP BY 1, 2, 3, 4 HAVING n <> 0 ORDER BY 1, 2, 3, 4"))
                .isEqualTo(jdbc.queryForList("SELECT " + zone.monthSql("created_at") + " AS created_month, status, "
                        + "owner_id, source, COUNT(*) AS n FROM leads GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stage_tally WHERE month = 190001", Long.class)).isZero();
    }

    @Test
    void the_database_month_of_a_stored_time_is_the_company_month_across_offset_changes() {
        for (String id : List.of("America/Sao_Paulo", "Europe/Berlin", "Asia/Kolkata", "UTC", "Pacific/Chatham")) {
            CompanyZone other = CompanyZone.of(ZoneId.of(id));
            // around the zone's offset changes of several years, and the turn of each month
            Instant at = Instant.parse("2014-01-01T00:00:00Z");
            while (at.isBefore(Instant.parse("2027-01-01T00:00:00Z"))) {
                java.time.zone.ZoneOffsetTransition next = other.id().getRules().nextTransition(at);
                Instant probe = next == null || next.getInstant().isAfter(Instant.parse("2027-01-01T00:00:00Z"))
                        ? at.plus(java.time.Duration.ofDays(31)) : next.getInstant();
                for (long minutes : new long[] {-61, -1, 0, 1, 61}) {
                    check(other, probe.plusSeconds(minutes * 60));
                }
                LocalDate local = LocalDate.ofInstant(probe, other.id());
                Instant monthStart = other.startOf(java.time.YearMonth.from(local).plusMonths(1));
                check(other, monthStart.minusSeconds(1));
                check(other, monthStart);
                at = probe.plusSeconds(3600);
            }
        }
    }

    private long tallied(int month) {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(n), 0) FROM lead_tally WHERE created_month = ?", Long.class,
                month);
        return n == null ? 0 : n;
    }

    private void check(CompanyZone other, Instant at) {
        String sql = "SELECT CAST(" + other.localSql("t.x") + " AS CHAR(26)), " + other.monthSql("t.x")
                + " FROM (SELECT CAST(? AS DATETIME(6)) AS x) t";
        jdbc.query(sql, rs -> {
            LocalDateTime expected = LocalDateTime.ofInstant(at, other.id());
            assertThat(LocalDateTime.parse(rs.getString(1).trim().replace(' ', 'T')))
                    .as("%s in %s", at, other.id()).isEqualTo(expected);
            assertThat(rs.getInt(2)).as("month of %s in %s", at, other.id()).isEqualTo(other.month(at));
        }, Utc.of(at));
    }
}
