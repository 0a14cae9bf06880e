package app.funnel.base;

import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Who changed a record that a save lost the race for: a version check that fails only as the
 * transaction commits (two saves at the same instant, both past the services' own check) names the
 * entity and its id; its table's {@code updated_by} and {@code updated_at} say who won and when, so
 * that the loser hears "changed by X at T, reload" like every other conflict.
 */
@Component
public class ConcurrentChanges {

    private final JdbcTemplate jdbc;

    ConcurrentChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConcurrentChangeException> explain(ObjectOptimisticLockingFailureException failure) {
        try {
            Class<?> type = failure.getPersistentClass() != null ? failure.getPersistentClass()
                    : Class.forName(failure.getPersistentClassName());
            Table table = type.getAnnotation(Table.class);
            Object id = failure.getIdentifier();
            if (table == null || id == null || !table.name().matches("[a-z_]+")) {
                return Optional.empty();
            }
            List<ConcurrentChangeException> found = jdbc.query("SELECT updated_by, updated_at FROM " + table.name()
                    + " WHERE id = ?", (rs, i) -> new ConcurrentChangeException(type.getSimpleName() + " " + id,
                    rs.getString(1), java.util.Objects.requireNonNull(Utc.read(rs, 2))), id);
            return found.stream().findFirst();
        } catch (ClassNotFoundException | DataAccessException e) {
            return Optional.empty();
        }
    }

}
