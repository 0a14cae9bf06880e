package app.funnel.demo;

import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a {@link DemoDataContributor} gets: the scale asked for (1 for the demo, larger for
 * benchmarks) and batched JDBC inserts.
 *
 * @param scale how many times the demo volume to create; 1 for the normal demo
 * @param jdbc  plain JDBC access to the database being filled
 */
public record DemoContext(int scale, JdbcTemplate jdbc) {

    /** Rows written per JDBC batch. */
    public static final int BATCH_SIZE = 1_000;

    /**
     * Runs {@code sql} once per item, in JDBC batches of {@link #BATCH_SIZE}.
     *
     * @return the number of items written
     */
    public <T> int batchUpdate(String sql, List<T> items, Function<T, Object[]> parameters) {
        for (int from = 0; from < items.size(); from += BATCH_SIZE) {
            List<Object[]> batch = items.subList(from, Math.min(items.size(), from + BATCH_SIZE)).stream()
                    .map(parameters).toList();
            jdbc.batchUpdate(sql, batch);
        }
        return items.size();
    }
}
