package app.funnel.lead;

import app.funnel.base.Utc;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The lead_field_change table: every field and owner change of a lead with who and when. */
@Repository
class LeadFieldLog {

    private static final int MAX = 1000;

    private final JdbcTemplate jdbc;

    LeadFieldLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the change when the value really changed; long texts are kept up to 1,000 characters. */
    void record(long leadId, String field, @Nullable Object oldValue, @Nullable Object newValue, String by, Instant at) {
        String before = text(oldValue);
        String after = text(newValue);
        if (Objects.equals(before, after)) {
            return;
        }
        jdbc.update("INSERT INTO lead_field_change (lead_id, field, old_value, new_value, changed_by, changed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", leadId, field, before, after, by, Utc.of(at));
    }

    List<FieldChange> of(long leadId) {
        return jdbc.query("SELECT field, old_value, new_value, changed_by, changed_at FROM lead_field_change "
                        + "WHERE lead_id = ? ORDER BY changed_at, id",
                (rs, i) -> new FieldChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Utc.readRequired(rs, 5)), leadId);
    }

    void moveAll(long fromLeadId, long toLeadId) {
        jdbc.update("UPDATE lead_field_change SET lead_id = ? WHERE lead_id = ?", toLeadId, fromLeadId);
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
    }
}
