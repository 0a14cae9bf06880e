package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.search.SearchHit;
import app.funnel.search.SearchService;
import app.funnel.security.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The global search at a million leads and their deals: a common two-letter prefix, a whole last
 * name, an e-mail, a phone typed the national way, a company and a deal name, each timed through
 * the service (all four kinds, as the box asks) beside the best plain SQL for the same first results:
 * one index range per key column, cut at the limit. {@code ./mvnw -Pbench verify -Dit.test=SearchBench};
 * writes {@code target/bench/search.json}.
 */
@BenchApp
class SearchBench {

    static {
        BenchApp.Database.prepare();
    }

    @Autowired
    SearchService search;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void first_results_of_the_global_search() {
        TestLogins.as("sales", Role.SALES);
        Map<String, Object> lead = jdbc.queryForMap("SELECT last_name, email, phone, company FROM leads "
                + "WHERE phone LIKE '+55%' AND company IS NOT NULL AND email IS NOT NULL ORDER BY id LIMIT 1 OFFSET 4321");
        String deal = jdbc.queryForObject("SELECT name FROM opportunity ORDER BY id LIMIT 1 OFFSET 1234", String.class);
        String phone = (String) lead.get("phone");
        // +55 11 98765-4321 typed as (11) 98765-4321
        String national = "(" + phone.substring(3, 5) + ") " + phone.substring(5, phone.length() - 4) + "-"
                + phone.substring(phone.length() - 4);
        List<String[]> cases = List.of(
                new String[] {"common prefix", "ma"},
                new String[] {"last name", (String) lead.get("last_name")},
                new String[] {"e-mail", (String) lead.get("email")},
                new String[] {"phone, national format", national},
                new String[] {"company", (String) lead.get("company")},
                new String[] {"deal name", deal.substring(0, Math.min(deal.length(), 12))});
        for (int i = 0; i < 100; i++) {
            for (String[] c : cases) {
                search.find(c[1], "BR", SearchService.PER_KIND);
            }
        }
        Bench bench = new Bench("search", Integer.getInteger("bench.runs", 31), 5);
        bench.header();
        for (String[] c : cases) {
            List<SearchHit> hits = search.find(c[1], "BR", SearchService.PER_KIND);
            System.out.printf("%s \"%s\": %d hits%n", c[0], c[1], hits.size());
            assertThat(hits).as(c[0]).isNotEmpty();
            bench.measure("search, " + c[0], () -> search.find(c[1], "BR", SearchService.PER_KIND), () -> floor(c[1], national.equals(c[1])));
        }
        Path file = bench.write(Path.of("target/bench"));
        System.out.println("written " + file);
    }

    /** The same ranges by plain JDBC: leads, deals, accounts and contacts, six of each. */
    private Object floor(String text, boolean phone) {
        String prefix = text.toLowerCase(java.util.Locale.ROOT) + "%";
        if (phone) {
            String e164 = "+55" + text.replaceAll("[^0-9]", "") + "%";
            jdbc.queryForList("SELECT id, first_name, last_name FROM leads WHERE phone LIKE ? LIMIT 6", e164);
            return jdbc.queryForList("SELECT id, first_name, last_name FROM contact WHERE phone LIKE ? LIMIT 6", e164);
        }
        jdbc.queryForList("SELECT l.id, l.first_name, l.last_name, l.company, l.email, l.status FROM leads l JOIN ("
                + "(SELECT id FROM leads WHERE name_key LIKE ? LIMIT 6) UNION (SELECT id FROM leads WHERE last_name LIKE ? LIMIT 6) "
                + "UNION (SELECT id FROM leads WHERE company LIKE ? LIMIT 6) UNION (SELECT id FROM leads WHERE email_key LIKE ? LIMIT 6)"
                + ") m ON m.id = l.id ORDER BY l.last_name, l.first_name LIMIT 6", prefix, prefix, prefix, prefix);
        jdbc.queryForList("SELECT id, name, stage FROM opportunity WHERE name LIKE ? ORDER BY name, id LIMIT 6", prefix);
        jdbc.queryForList("SELECT id, name FROM account WHERE name_key LIKE ? ORDER BY name_key LIMIT 6", prefix);
        return jdbc.queryForList("SELECT c.id, c.first_name, c.last_name FROM contact c JOIN ("
                + "(SELECT id FROM contact WHERE first_name LIKE ? LIMIT 6) UNION (SELECT id FROM contact WHERE last_name LIKE ? LIMIT 6) "
                + "UNION (SELECT id FROM contact WHERE email LIKE ? LIMIT 6)) m ON m.id = c.id ORDER BY c.last_name LIMIT 6",
                prefix, prefix, prefix);
    }
}
