package app.funnel.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** For tests of any feature: the tallies equal what the base tables say, counted by the rebuilds' SQL. */
public final class TallyTruth {

    private TallyTruth() {
    }

    /** The whole stage tally, summed over its slots, equals the events counted from the base tables. */
    public static void assertStageTallyAsInTheBaseTables(ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Map<String, Long> counted = new HashMap<>();
        jdbc.query("SELECT owner_id, source, kind, month, stage, bucket, SUM(n) FROM stage_tally "
                + "GROUP BY owner_id, source, kind, month, stage, bucket HAVING SUM(n) <> 0", rs -> {
            counted.put(key(rs), rs.getLong(7));
        });
        Map<String, Long> truth = new HashMap<>();
        jdbc.query(context.getBean(StageTally.class).countedQuery(), rs -> {
            truth.put(key(rs), rs.getLong(7));
        });
        assertThat(counted).isEqualTo(truth);
    }

    /** The SQL that counts every history event from the base tables (owner_id, source, kind, month, stage, bucket, n). */
    public static String countedQuery(ApplicationContext context) {
        return context.getBean(StageTally.class).countedQuery();
    }

    private static String key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getInt(4) + "|" + rs.getString(5)
                + "|" + rs.getInt(6);
    }
}
