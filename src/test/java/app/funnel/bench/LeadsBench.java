package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.demo.DemoDataLoader;
import app.funnel.lead.LeadQuery;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadStatus;
import app.funnel.security.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lead grid's data path at a million leads: {@code ./mvnw -Pbench verify -Dit.test=LeadsBench}.
 * Starts Funnel on a throwaway embedded MariaDB under {@code target/bench/db}, lets the demo
 * loader fill it ({@code -Dbench.leads=1000000}), then measures the count and page calls the grid
 * makes, through {@link LeadService}, beside the same page fetched with plain JDBC. Keep the filled
 * database for another run with {@code -Dbench.reuse=true}.
 */
@BenchApp
class LeadsBench {

    static final int LEADS = BenchApp.LEADS;
    static final int PAGE = 50;

    static {
        BenchApp.Database.prepare();
    }

    @Autowired
    LeadService leads;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoDataLoader loader;

    @Test
    void lead_grid_pages_and_counts() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        long total = leads.count(LeadQuery.all());
        System.out.printf("%n%,d leads; demo data filled in %,d ms (-1: reused)%n", total, loader.lastLoadMillis());
        assertThat(total).isGreaterThanOrEqualTo(LEADS);
        long owner = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'sales'", Long.class);
        int runs = Integer.getInteger("bench.runs", 31);
        Bench bench = new Bench("leads", runs, 5);
        // the first calls of a fresh JVM run interpreted: warm the whole path up before measuring
        for (int i = 0; i < 300; i++) {
            leads.search(LeadQuery.all(), PageRequest.of(i % 20, PAGE, Sort.by(Sort.Order.desc("createdAt"))));
            floorPage("", List.of(), "created_at DESC, id DESC", (i % 20) * PAGE, total);
        }
        bench.header();

        record SortCase(String name, Sort sort, String sql) {
        }
        List<SortCase> sorts = List.of(
                new SortCase("created desc", Sort.by(Sort.Order.desc("createdAt")), "created_at DESC, id DESC"),
                new SortCase("name asc", Sort.by(Sort.Order.asc("lastName")), "last_name ASC, first_name ASC, id ASC"),
                new SortCase("company asc", Sort.by(Sort.Order.asc("company")), "company ASC, id ASC"),
                new SortCase("status asc", Sort.by(Sort.Order.asc("status")), "status ASC, created_at DESC, id DESC"));
        int[] offsets = {0, 10_000, 100_000, 500_000, 990_000};
        for (SortCase sort : sorts) {
            for (int offset : offsets) {
                bench.measure("page all, " + sort.name() + ", offset " + offset,
                        () -> leads.search(LeadQuery.all(), PageRequest.of(offset / PAGE, PAGE, sort.sort())),
                        () -> floorPage("", List.of(), sort.sql(), offset, total));
            }
        }
        bench.measure("count all", () -> leads.count(LeadQuery.all()), () -> floorCount("", List.of()));
        bench.measure("counts by status (tabs)", () -> leads.countsByStatus(LeadQuery.all()),
                () -> floorRows("SELECT status, COUNT(*) FROM leads GROUP BY status", List.of()));

        record FilterCase(String name, LeadQuery query, String where, List<Object> args) {
        }
        List<FilterCase> filters = List.of(
                new FilterCase("status MQL", LeadQuery.all().withStatus(LeadStatus.MQL), " WHERE status = ?", List.of("MQL")),
                new FilterCase("owner (mine)", new LeadQuery(null, owner, null, null, null, null),
                        " WHERE owner_id = ?", List.of(owner)),
                new FilterCase("my SQLs", new LeadQuery(LeadStatus.SQL, owner, null, null, null, null),
                        " WHERE owner_id = ? AND status = ?", List.of(owner, "SQL")));
        // the text filter alone: its best SQL reads the matches with their creation time from the indexes
        String matches = "SELECT id, created_at FROM leads WHERE name_key LIKE ? UNION SELECT id, created_at FROM leads "
                + "WHERE last_name LIKE ? UNION SELECT id, created_at FROM leads WHERE email_key LIKE ? UNION "
                + "SELECT id, created_at FROM leads WHERE company LIKE ?";
        List<Object> silva = List.of("silva%", "silva%", "silva%", "silva%");
        LeadQuery text = new LeadQuery(null, null, null, null, null, "silva");
        long textCount = leads.count(text);
        bench.measure("count text 'silva' (" + textCount + ")", () -> leads.count(text),
                () -> floorRows("SELECT COUNT(*) FROM (" + matches + ") t", silva).getFirst()[0]);
        for (long offset : List.of(0L, 10_000L, Math.max(0, (textCount - PAGE) / PAGE * PAGE))) {
            if (offset >= textCount) {
                continue;
            }
            List<Object> args = new ArrayList<>(silva);
            args.add(PAGE);
            args.add(offset);
            bench.measure("page text 'silva', created desc, offset " + offset,
                    () -> leads.search(text, PageRequest.of((int) (offset / PAGE), PAGE, Sort.by(Sort.Order.desc("createdAt")))),
                    () -> floorRows("SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.source, l.owner_id, "
                            + "l.status, l.suspect_reasons, l.first_touch_due_at, l.first_touch_at, l.created_at FROM leads l "
                            + "JOIN (SELECT id FROM (" + matches + ") t ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?) p "
                            + "ON p.id = l.id ORDER BY l.created_at DESC, l.id DESC", args));
        }
        for (FilterCase filter : filters) {
            long count = leads.count(filter.query());
            bench.measure("count " + filter.name() + " (" + count + ")", () -> leads.count(filter.query()),
                    () -> floorCount(filter.where(), filter.args()));
            List<Integer> deep = new ArrayList<>(List.of(0, 10_000, 100_000));
            deep.add((int) Math.max(0, (count - PAGE) / PAGE * PAGE));
            for (int offset : deep.stream().filter(o -> o < count).distinct().toList()) {
                bench.measure("page " + filter.name() + ", created desc, offset " + offset,
                        () -> leads.search(filter.query(), PageRequest.of(offset / PAGE, PAGE,
                                Sort.by(Sort.Order.desc("createdAt")))),
                        () -> floorPage(filter.where(), filter.args(), "created_at DESC, id DESC", offset, count));
            }
        }
        Path file = bench.write(Path.of("target/bench"));
        System.out.println("Written to " + file.toAbsolutePath());
    }

    /**
     * The best single statement we can write for a page without Funnel's tally: ids from the
     * covering index (from whichever end of the order is nearer), then the rows.
     */
    private List<Object[]> floorPage(String where, List<Object> args, String order, int offset, long total) {
        int limit = PAGE;
        long skip = offset;
        String used = order;
        boolean reversed = offset > total / 2;
        if (reversed) {
            limit = (int) Math.min(PAGE, total - offset);
            skip = total - offset - limit;
            used = order.replace("ASC", "D_SC").replace("DESC", "ASC").replace("D_SC", "DESC");
        }
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        all.add(skip);
        List<Object[]> rows = floorRows("SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.source, "
                + "l.owner_id, l.status, l.suspect_reasons, l.first_touch_due_at, l.first_touch_at, l.created_at "
                + "FROM leads l JOIN (SELECT id FROM leads" + where + " ORDER BY " + used + " LIMIT ? OFFSET ?) p "
                + "ON p.id = l.id ORDER BY " + used.replaceAll("(\\w+) (ASC|DESC)", "l.$1 $2"), all);
        return reversed ? rows.reversed() : rows;
    }

    private Long floorCount(String where, List<Object> args) {
        List<Object[]> rows = floorRows("SELECT COUNT(*) FROM leads" + where, args);
        return (Long) rows.getFirst()[0];
    }

    private List<Object[]> floorRows(String sql, List<Object> args) {
        return Bench.rows(dataSource, sql, args);
    }
}
