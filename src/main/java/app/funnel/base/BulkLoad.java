package app.funnel.base;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows into a table as fast as MariaDB takes them: one {@code LOAD DATA LOCAL INFILE} per call,
 * streamed from memory (no file is written), on the connection of the current transaction.
 */
public final class BulkLoad {

    private BulkLoad() {
    }

    /**
     * Loads the rows; with a MariaDB that refuses local loads nothing is written and false is
     * returned, for the caller to insert the rows otherwise.
     *
     * @param columns the table's columns, in the order of each row's values
     */
    public static boolean load(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return true;
        }
        StringBuilder tsv = new StringBuilder(rows.size() * 200);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    tsv.append('\t');
                }
                appendField(tsv, row[i]);
            }
            tsv.append('\n');
        }
        byte[] bytes = tsv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sql = "LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE " + table + " CHARACTER SET utf8mb4 ("
                + String.join(", ", columns) + ")";
        Boolean loaded = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                if (!statement.isWrapperFor(org.mariadb.jdbc.Statement.class)) {
                    return false;
                }
                statement.unwrap(org.mariadb.jdbc.Statement.class)
                        .setLocalInfileInputStream(new java.io.ByteArrayInputStream(bytes));
                statement.execute(sql);
                return true;
            } catch (java.sql.SQLException refused) {
                if (refused.getMessage() != null && refused.getMessage().toLowerCase(java.util.Locale.ROOT)
                        .contains("local")) {
                    return false;
                }
                throw refused;
            }
        });
        return Boolean.TRUE.equals(loaded);
    }

    private static void appendField(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
    }
}
