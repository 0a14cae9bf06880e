package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.bulk.BulkAction;
import app.funnel.bulk.BulkResult;
import app.funnel.bulk.BulkService;
import app.funnel.security.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bulk reassignment of 10,000 leads at a million, through the bulk service (each row its checked
 * call: access, owner's role, field history, tallies, one notification per person), and its undo,
 * beside the floor: one UPDATE of the owners and one INSERT of their field history rows, in one
 * transaction. {@code ./mvnw -Pbench verify -Dit.test=BulkBench}; writes {@code target/bench/bulk.json}.
 */
@BenchApp
class BulkBench {

    static {
        BenchApp.Database.prepare();
    }

    @Autowired
    BulkService bulk;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void ten_thousand_leads_reassigned_and_undone() {
        long marketing = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'marketing'", Long.class);
        long camila = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'camila'", Long.class);
        // NEW leads of marketing's, spread over the table (every 7th), so that no range is warm by accident
        List<Long> ids = jdbc.queryForList("SELECT id FROM leads WHERE status = 'NEW' AND owner_id = ? AND MOD(id, 7) = 0 "
                + "ORDER BY id LIMIT 10000", Long.class, marketing);
        List<Long> floorIds = jdbc.queryForList("SELECT id FROM leads WHERE status = 'NEW' AND owner_id = ? AND MOD(id, 7) = 1 "
                + "ORDER BY id LIMIT 10000", Long.class, marketing);
        assertThat(ids).hasSize(BulkService.MAX_ROWS);
        assertThat(floorIds).hasSize(BulkService.MAX_ROWS);
        TestLogins.as("leadership", Role.LEADERSHIP);
        int runs = Integer.getInteger("bench.runs", 3);
        Bench bench = new Bench("bulk", runs, 0);
        bench.header();
        List<Double> reassign = new ArrayList<>();
        List<Double> undo = new ArrayList<>();
        List<Double> floorReassign = new ArrayList<>();
        List<Double> floorUndo = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long questions = questions();
            long start = System.nanoTime();
            BulkResult result = bulk.run(new BulkAction.ReassignLeads(camila), ids, n -> { });
            reassign.add((System.nanoTime() - start) / 1e6);
            // statements the server got per row (every connection's: the bench is alone on its database)
            System.out.printf("statements per row: %.2f%n", (questions() - questions) / (double) ids.size());
            assertThat(result.changed()).isEqualTo(ids.size());
            assertThat(result.refused()).isEmpty();
            start = System.nanoTime();
            BulkResult undone = bulk.undo(Objects.requireNonNull(result.undo()), n -> { });
            undo.add((System.nanoTime() - start) / 1e6);
            assertThat(undone.changed()).isEqualTo(ids.size());

            start = System.nanoTime();
            floor(floorIds, marketing, camila);
            floorReassign.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            floor(floorIds, camila, marketing);
            floorUndo.add((System.nanoTime() - start) / 1e6);
            System.out.printf("run %d: reassign %.0f ms, undo %.0f ms (floor %.0f / %.0f ms)%n", run + 1,
                    reassign.getLast(), undo.getLast(), floorReassign.getLast(), floorUndo.getLast());
        }
        bench.add("reassign 10,000 leads", Bench.median(reassign), Bench.median(floorReassign), runs);
        bench.add("undo of it", Bench.median(undo), Bench.median(floorUndo), runs);
        List<Long> all = new ArrayList<>(ids);
        all.addAll(floorIds);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE owner_id = ? AND id IN ("
                + String.join(",", all.stream().map(String::valueOf).toList()) + ")", Long.class, marketing))
                .as("every lead back with its owner").isEqualTo(all.size());
        Path file = bench.write(Path.of("target/bench"));
        System.out.println("written " + file);
    }

    private long questions() {
        return jdbc.query("SHOW GLOBAL STATUS LIKE 'Questions'", rs -> {
            rs.next();
            return rs.getLong(2);
        });
    }

    /** The least a reassignment with a field history writes: one UPDATE, one INSERT ... SELECT. */
    private void floor(List<Long> ids, long from, long to) {
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO lead_field_change (lead_id, field, old_value, new_value, changed_by, changed_at) "
                    + "SELECT id, 'owner', ?, ?, 'leadership', UTC_TIMESTAMP(6) FROM leads WHERE id IN (" + in + ")",
                    String.valueOf(from), String.valueOf(to));
            jdbc.update("UPDATE leads SET owner_id = ?, version = version + 1 WHERE id IN (" + in + ")", to);
        });
    }
}
