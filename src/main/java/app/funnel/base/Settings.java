package app.funnel.base;

import java.time.LocalDateTime;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Small facts about this installation kept in the {@code app_setting} table. Internal: no user calls it. */
@Component
public class Settings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Settings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The same table reached without the application running, for a command (funnel backup). */
    public static Settings on(JdbcTemplate jdbc, Clock clock) {
        return new Settings(jdbc, clock);
    }

    @Transactional(readOnly = true)
    public Optional<String> get(String name) {
        List<String> values = jdbc.queryForList("SELECT value FROM app_setting WHERE name = ?", String.class, name);
        return values.stream().findFirst();
    }

    @Transactional
    public void put(String name, String value) {
        jdbc.update("INSERT INTO app_setting (name, value, updated_at) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)",
                name, value, Utc.of(clock.instant()));
    }
}
