package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityQuery;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.Stage;
import app.funnel.security.Role;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The opportunity grid, the board's columns and a stage change, at the deals of a million demo
 * leads (about 200,000): {@code ./mvnw -Pbench verify -Dit.test=OpportunitiesBench}. Writes
 * {@code target/bench/opportunities.json}.
 */
@BenchApp
class OpportunitiesBench {

    static final int PAGE = 50;
    static final int COLUMN_PAGE = 20;

    static {
        BenchApp.Database.prepare();
    }

    @Autowired
    OpportunityService opportunities;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void opportunity_grid_board_columns_and_a_stage_change() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        long total = opportunities.count(OpportunityQuery.all());
        System.out.printf("%n%,d opportunities%n", total);
        assertThat(total).isPositive();
        Bench bench = new Bench("opportunities", Integer.getInteger("bench.runs", 31), 5);
        // the first calls of a fresh JVM run interpreted: warm the whole path up before measuring
        for (int i = 0; i < 300; i++) {
            opportunities.search(OpportunityQuery.all(), PageRequest.of(i % 20, PAGE, Sort.by("expectedClose")));
            floorPage("", List.of(), "expected_close ASC, id ASC", PAGE, (i % 20) * PAGE, total);
        }
        bench.header();

        record SortCase(String name, Sort sort, String sql) {
        }
        List<SortCase> sorts = List.of(
                new SortCase("close asc", Sort.by("expectedClose"), "expected_close ASC, id ASC"),
                new SortCase("amount desc", Sort.by(Sort.Order.desc("amount")), "amount DESC, id DESC"),
                new SortCase("stage asc", Sort.by("stage"), "stage ASC, expected_close ASC, id ASC"));
        for (SortCase sort : sorts) {
            for (long offset : new long[] {0, 10_000, 50_000, 100_000, Math.max(0, (total - PAGE) / PAGE * PAGE)}) {
                if (offset >= total) {
                    continue;
                }
                bench.measure("page all, " + sort.name() + ", offset " + offset,
                        () -> opportunities.search(OpportunityQuery.all(),
                                PageRequest.of((int) (offset / PAGE), PAGE, sort.sort())),
                        () -> floorPage("", List.of(), sort.sql(), PAGE, offset, total));
            }
        }
        bench.measure("count all", () -> opportunities.count(OpportunityQuery.all()),
                () -> floorRows("SELECT COUNT(*) FROM opportunity", List.of()));
        bench.measure("footer totals all", () -> opportunities.totals(OpportunityQuery.all()),
                () -> floorRows("SELECT currency, COUNT(*), SUM(amount), SUM(amount * probability / 100) "
                        + "FROM opportunity GROUP BY currency", List.of()));

        for (Stage stage : Stage.values()) {
            OpportunityQuery column = OpportunityQuery.all().withStage(stage);
            bench.measure("board column " + stage + ", first page", () -> opportunities.search(column,
                            PageRequest.of(0, COLUMN_PAGE, Sort.by("expectedClose"))),
                    () -> floorPage(" WHERE stage = ?", List.of(stage.name()), "expected_close ASC, id ASC",
                            COLUMN_PAGE, 0, Long.MAX_VALUE));
            bench.measure("board column " + stage + ", header totals", () -> opportunities.totals(column),
                    () -> floorRows("SELECT currency, COUNT(*), SUM(amount), SUM(amount * probability / 100) "
                            + "FROM opportunity WHERE stage = ? GROUP BY currency", List.of(stage.name())));
        }

        // a stage change through the service (its owner moves a deal forth and back) beside the same writes in JDBC
        long dealId = jdbc.queryForObject("SELECT MIN(id) FROM opportunity WHERE stage = 'QUALIFICATION'", Long.class);
        long floorDealId = jdbc.queryForObject("SELECT MAX(id) FROM opportunity WHERE stage = 'QUALIFICATION'", Long.class);
        String owner = jdbc.queryForObject("SELECT u.username FROM opportunity o JOIN app_user u ON u.id = o.owner_id "
                + "WHERE o.id = ?", String.class, dealId);
        TestLogins.as(owner, Role.SALES);
        OpportunityDetails[] deal = {opportunities.get(dealId)};
        bench.measure("stage change through the service", () -> {
            Stage to = deal[0].stage() == Stage.QUALIFICATION ? Stage.PROPOSAL : Stage.QUALIFICATION;
            deal[0] = opportunities.moveStage(dealId, deal[0].version(), to, "benchmark", null, null);
            return deal[0];
        }, () -> floorStageChange(floorDealId));
        Path file = bench.write(Path.of("target/bench"));
        System.out.println("Written to " + file.toAbsolutePath());
    }

    /**
     * The best single statement we can write for a page without Funnel's tally: ids from the index
     * that holds the order (from whichever end is nearer), then the rows with the account's name.
     */
    private List<Object[]> floorPage(String where, List<Object> args, String order, int limit, long offset,
                                     long total) {
        boolean reversed = offset > total / 2;
        long skip = offset;
        int size = limit;
        String used = order;
        if (reversed) {
            size = (int) Math.min(limit, total - offset);
            skip = total - offset - size;
            used = order.replace("ASC", "D_SC").replace("DESC", "ASC").replace("D_SC", "DESC");
        }
        List<Object> all = new ArrayList<>(args);
        all.add(size);
        all.add(skip);
        List<Object[]> rows = floorRows("SELECT o.id, o.name, a.name, o.amount, o.currency, o.expected_close, o.stage, "
                + "o.probability, o.owner_id, o.stage_changed_at, o.updated_at, o.version FROM opportunity o "
                + "JOIN (SELECT id FROM opportunity" + where + " ORDER BY " + used + " LIMIT ? OFFSET ?) p ON p.id = o.id "
                + "JOIN account a ON a.id = o.account_id ORDER BY " + used.replaceAll("(\\w+) (ASC|DESC)", "o.$1 $2"), all);
        return reversed ? rows.reversed() : rows;
    }

    /** The same writes as a stage change, in one transaction: the row and its history row. */
    private Integer floorStageChange(long id) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT stage, version FROM opportunity WHERE id = ? FOR UPDATE")) {
                read.setLong(1, id);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE opportunity SET updated_at = ?, "
                    + "version = version + 1 WHERE id = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO stage_change (record_type, "
                         + "record_id, from_stage, to_stage, changed_by, changed_at, reason, definition_version, amount, "
                         + "probability) VALUES ('BENCH', ?, 'A', 'B', 'bench', ?, 'floor', 1, 0, 0)")) {
                update.setTimestamp(1, now);
                update.setLong(2, id);
                update.executeUpdate();
                insert.setLong(1, id);
                insert.setTimestamp(2, now);
                insert.executeUpdate();
            }
            connection.commit();
            return 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Object[]> floorRows(String sql, List<Object> args) {
        return Bench.rows(dataSource, sql, args);
    }
}
