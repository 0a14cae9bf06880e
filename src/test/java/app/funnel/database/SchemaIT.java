package app.funnel.database;

import app.funnel.FunnelAppTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@FunnelAppTest
class SchemaIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_table_and_text_column_is_utf8mb4() {
        assertThat(jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_collation NOT LIKE 'utf8mb4%'
                  AND table_name <> 'flyway_schema_history'""", String.class)).isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns
                WHERE table_schema = DATABASE() AND character_set_name IS NOT NULL
                  AND character_set_name <> 'utf8mb4' AND table_name <> 'flyway_schema_history'""",
                String.class)).isEmpty();
    }

    @Test
    void flyway_owns_the_schema() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class))
                .isPositive();
    }
}
