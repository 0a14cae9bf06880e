package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.lead.DuplicateReview;
import app.funnel.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * The duplicate review's full scan at a million leads: {@code ./mvnw -Pbench verify
 * -Dit.test=DuplicateScanBench}. Starts a scan as marketing would and lets the scheduled job (every
 * second here) work through every lead, timed from the click to the scan's end; beside it the floor:
 * the three self-joins on the key indexes that find the candidate pairs (phones shared by more than
 * 50 leads left out, as the scan does), counted by plain SQL with no rule and nothing stored. Then the review's first page of groups. Writes {@code target/bench/duplicates.json}.
 */
@BenchApp
@TestPropertySource(properties = {"funnel.duplicates.scan-delay=1s", "funnel.duplicates.scan-interval=1s"})
class DuplicateScanBench {

    static {
        BenchApp.Database.prepare();
    }

    @Autowired
    DuplicateReview review;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_full_scan_of_every_lead() throws InterruptedException {
        TestLogins.as("marketing", Role.MARKETING);
        Bench bench = new Bench("duplicates", 11, 2);
        bench.header();
        long floorStart = System.nanoTime();
        Long floorPairs = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM leads a JOIN leads b ON b.email_key = a.email_key "
                + "AND b.id < a.id) + (SELECT COUNT(*) FROM leads a JOIN leads b ON b.name_key = a.name_key "
                + "AND b.company_key = a.company_key AND b.id < a.id) + (SELECT COUNT(*) FROM (SELECT phone FROM leads "
                + "WHERE phone IS NOT NULL GROUP BY phone HAVING COUNT(*) BETWEEN 2 AND 50) p JOIN leads a ON a.phone = p.phone "
                + "JOIN leads b ON b.phone = a.phone AND b.id < a.id)", Long.class);
        double floorMs = (System.nanoTime() - floorStart) / 1e6;

        // a run of this benchmark stopped half-way leaves a scan that the schedule resumes, and its job's
        // lock for a minute: both set aside (no scan; the lock free), then the pairs an earlier run found
        jdbc.update("UPDATE duplicate_scan SET started_at = NULL, finished_at = NULL WHERE id = 1");
        jdbc.update("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = 'duplicate-scan'");
        Thread.sleep(5_000);
        jdbc.execute("TRUNCATE TABLE duplicate_pair");
        Instant start = Instant.now();
        review.startScan();
        DuplicateReview.Progress progress = review.progress();
        long lastPrint = 0;
        while (progress.running()) {
            Thread.sleep(500);
            progress = review.progress();
            long seconds = Duration.between(start, Instant.now()).toSeconds();
            if (seconds >= lastPrint + 15) {
                lastPrint = seconds;
                System.out.printf("  %,d of %,d leads after %d s%n", progress.done(), progress.total(), seconds);
            }
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(30));
        }
        double scanMs = Duration.between(start, Instant.now()).toMillis();
        Long pairs = jdbc.queryForObject("SELECT COUNT(*) FROM duplicate_pair", Long.class);
        bench.add("full scan of " + progress.total() + " leads (" + pairs + " pairs kept; " + floorPairs
                + " candidate pairs by the floor)", scanMs, floorMs, 1);
        long groupsStart = System.nanoTime();
        int groups = review.groups().size();
        bench.add("review page: groups of the newest " + groups + " (at most 5,000 pairs)",
                (System.nanoTime() - groupsStart) / 1e6, 0, 1);
        // the suspect list below: its count and first page, median of 11 after a warm-up
        bench.measure("review page: suspect leads not disqualified, count (" + review.suspectCount() + ")",
                review::suspectCount, () -> jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE suspect_reasons IS NOT "
                        + "NULL AND status NOT IN ('DISQUALIFIED', 'CONVERTED')", Long.class));
        bench.measure("review page: suspect leads, first page of 50", () -> review.suspects(0, 50),
                () -> jdbc.queryForList("SELECT id FROM leads WHERE suspect_reasons IS NOT NULL AND status NOT IN "
                        + "('DISQUALIFIED', 'CONVERTED') ORDER BY id DESC LIMIT 50", Long.class));
        Path file = bench.write(Path.of("target/bench"));
        System.out.println("written " + file);
        assertThat(progress.done()).isEqualTo(progress.total());
    }
}
