package app.funnel.base;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The one way plain SQL writes and reads stored times: DATETIME columns hold UTC, as Hibernate
 * writes them ({@code hibernate.jdbc.time_zone=UTC}). A {@code java.sql.Timestamp} would be written
 * and read in the JVM's zone, so plain SQL passes and reads {@link LocalDateTime}s in UTC instead,
 * which the driver stores as they are, whatever zone the JVM runs in.
 */
public final class Utc {

    private Utc() {
    }

    /** The value to bind for an instant. */
    public static @Nullable LocalDateTime of(@Nullable Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** A stored time as an instant, or null. */
    public static @Nullable Instant read(ResultSet rs, int column) throws SQLException {
        return instant(rs.getObject(column, LocalDateTime.class));
    }

    /** A stored time as an instant, or null. */
    public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, LocalDateTime.class));
    }

    /** A stored time that is never null, as an instant. */
    public static Instant readRequired(ResultSet rs, int column) throws SQLException {
        Instant at = read(rs, column);
        if (at == null) {
            throw new SQLException("column " + column + " is NULL");
        }
        return at;
    }

    public static @Nullable Instant instant(@Nullable LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }
}
