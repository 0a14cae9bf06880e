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

    /**
     * Loads rows into a table as fast as MariaDB takes them: one {@code LOAD DATA LOCAL INFILE} per
     * call, streamed from memory (no file is written), or multi-row inserts where the server or
     * driver does not allow local loads.
     *
     * @param table   the table
     * @param columns its columns, in the order of each row's values
     */
    public void bulkLoad(String table, List<String> columns, List<Object[]> rows) {
        if (!app.funnel.base.BulkLoad.load(jdbc, table, columns, rows)) {
            insertRows("INSERT INTO " + table + " (" + String.join(", ", columns) + ")", rows);
        }
    }

    /**
     * Inserts rows with multi-row {@code INSERT ... VALUES (...), (...)} statements of up to
     * {@link #BATCH_SIZE} rows: one round trip per thousand rows, for the volumes benchmarks ask for.
     *
     * @param insert  {@code INSERT INTO table (columns)}, without VALUES
     * @param rows    every row has one value per column
     */
    public void insertRows(String insert, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.getFirst().length;
        String tuple = "(" + "?, ".repeat(columns - 1) + "?)";
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            int to = Math.min(rows.size(), from + BATCH_SIZE);
            StringBuilder sql = new StringBuilder(insert.length() + (to - from) * (tuple.length() + 2) + 8)
                    .append(insert).append(" VALUES ");
            Object[] args = new Object[(to - from) * columns];
            for (int i = from; i < to; i++) {
                if (i > from) {
                    sql.append(", ");
                }
                sql.append(tuple);
                System.arraycopy(rows.get(i), 0, args, (i - from) * columns, columns);
            }
            jdbc.update(sql.toString(), args);
        }
    }
}
