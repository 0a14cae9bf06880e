package app.funnel.capture;

import app.funnel.base.Utc;
import app.funnel.lead.LeadSource;
import app.funnel.lead.SignalKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The capture_form and capture_submission tables. */
@Repository
class CaptureStore {

    private static final String COLUMNS = "id, form_key, name, source, signal_kind, allowed_origins, owner_id, "
            + "revoked_at, created_at, created_by, thank_you_url";

    private final JdbcTemplate jdbc;

    CaptureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CaptureForm> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM capture_form ORDER BY revoked_at IS NOT NULL, name", CaptureStore::form);
    }

    Optional<CaptureForm> byKey(String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM capture_form WHERE form_key = ?", CaptureStore::form, key)
                .stream().findFirst();
    }

    long create(String key, String name, LeadSource source, SignalKind signal, List<String> origins, long ownerId,
                Instant at, String by, @org.jspecify.annotations.Nullable String thankYouUrl) {
        jdbc.update("INSERT INTO capture_form (form_key, name, source, signal_kind, allowed_origins, owner_id, "
                        + "created_at, created_by, thank_you_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", key, name,
                source.name(), signal.name(), String.join(" ", origins), ownerId, Utc.of(at), by, thankYouUrl);
        Long id = jdbc.queryForObject("SELECT id FROM capture_form WHERE form_key = ?", Long.class, key);
        return id == null ? 0 : id;
    }

    void revoke(long id, Instant at) {
        jdbc.update("UPDATE capture_form SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Utc.of(at), id);
    }

    /** The lead an identical earlier post of this form stored, if there was one. */
    Optional<Long> earlier(long formId, String fingerprint) {
        return jdbc.query("SELECT lead_id FROM capture_submission WHERE form_id = ? AND fingerprint = ?",
                (rs, i) -> rs.getLong(1), formId, fingerprint).stream().findFirst();
    }

    /** Records a post; false when an identical one was recorded meanwhile. */
    boolean record(long formId, String fingerprint, long leadId, boolean consent, @Nullable String consentText,
                   String address, Instant at) {
        try {
            jdbc.update("INSERT INTO capture_submission (form_id, fingerprint, lead_id, consent, consent_text, address, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", formId, fingerprint, leadId, consent, consentText,
                    address, Utc.of(at));
            return true;
        } catch (DuplicateKeyException identical) {
            return false;
        }
    }

    int submissions(long formId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM capture_submission WHERE form_id = ?", Integer.class,
                formId);
        return n == null ? 0 : n;
    }

    private static CaptureForm form(ResultSet rs, int i) throws SQLException {
        return new CaptureForm(rs.getLong(1), rs.getString(2), rs.getString(3), LeadSource.valueOf(rs.getString(4)),
                SignalKind.valueOf(rs.getString(5)),
                Arrays.stream(rs.getString(6).split("\\s+")).filter(s -> !s.isBlank()).toList(), rs.getLong(7),
                Utc.read(rs, 8), Utc.readRequired(rs, 9), rs.getString(10),
                rs.getString(11));
    }
}
