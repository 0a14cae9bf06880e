package app.funnel.definition;

import app.funnel.base.Utc;
import app.funnel.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL for definitions: published versions are written once and read often; drafts carry a row version. */
@Repository
class DefinitionStore {

    private final JdbcTemplate jdbc;

    DefinitionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int currentVersion() {
        Integer number = jdbc.queryForObject("SELECT MAX(number) FROM definition_version", Integer.class);
        if (number == null) {
            throw new IllegalStateException("No definitions version published; the V2 migration should have made one");
        }
        return number;
    }

    List<PublishedVersion> versions() {
        Map<Integer, List<Term>> changed = new LinkedHashMap<>();
        jdbc.query("SELECT version_number, term FROM definition_entry WHERE changed ORDER BY version_number",
                (ResultSet rs) -> {
                    changed.computeIfAbsent(rs.getInt(1), n -> new ArrayList<>()).add(Term.valueOf(rs.getString(2)));
                });
        return jdbc.query("SELECT number, published_at, published_by, change_note FROM definition_version "
                        + "ORDER BY number DESC",
                (rs, i) -> new PublishedVersion(rs.getInt(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        changed.getOrDefault(rs.getInt(1), List.of()).stream().sorted().toList()));
    }

    /** One version; read on every navigation by the acknowledgement banner, so it reads that version only. */
    Optional<PublishedVersion> version(int number) {
        List<Term> changed = jdbc.queryForList("SELECT term FROM definition_entry WHERE version_number = ? AND changed",
                String.class, number).stream().map(Term::valueOf).sorted().toList();
        return jdbc.query("SELECT number, published_at, published_by, change_note FROM definition_version "
                        + "WHERE number = ?",
                (rs, i) -> new PublishedVersion(rs.getInt(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        changed), number).stream().findFirst();
    }

    Map<Term, DefinitionEntry> entries(int version) {
        Map<Term, List<Criterion>> criteria = new EnumMap<>(Term.class);
        jdbc.query("SELECT term, code, name, explanation FROM definition_criterion WHERE version_number = ? "
                        + "ORDER BY term, position",
                (ResultSet rs) -> {
                    criteria.computeIfAbsent(Term.valueOf(rs.getString(1)), t -> new ArrayList<>())
                            .add(new Criterion(rs.getString(2), rs.getString(3), rs.getString(4)));
                }, version);
        Map<Term, DefinitionEntry> entries = new EnumMap<>(Term.class);
        jdbc.query("SELECT term, body, examples, probability, sla_hours FROM definition_entry WHERE version_number = ?",
                (ResultSet rs) -> {
                    Term term = Term.valueOf(rs.getString(1));
                    entries.put(term, new DefinitionEntry(term, rs.getString(2), rs.getString(3),
                            criteria.getOrDefault(term, List.of()), integer(rs, 4), integer(rs, 5)));
                }, version);
        return entries;
    }

    Optional<Draft> draft(Term term) {
        return jdbc.query("SELECT body, examples, probability, sla_hours, criteria, updated_by, updated_at, row_version "
                        + "FROM definition_draft WHERE term = ?",
                (rs, i) -> new Draft(new DefinitionEntry(term, rs.getString(1), rs.getString(2),
                        CriteriaCodec.decode(rs.getString(5)), integer(rs, 3), integer(rs, 4)),
                        rs.getLong(8), rs.getString(6), instant(rs, 7)), term.name()).stream().findFirst();
    }

    List<Term> draftTerms() {
        return jdbc.queryForList("SELECT term FROM definition_draft", String.class).stream()
                .map(Term::valueOf).sorted().toList();
    }

    /** Locks the drafts for publishing, so that no save slips in between reading and deleting them. */
    List<Draft> lockDrafts() {
        List<String> terms = jdbc.queryForList("SELECT term FROM definition_draft FOR UPDATE", String.class);
        return terms.stream().map(Term::valueOf).sorted().map(t -> draft(t).orElseThrow()).toList();
    }

    void insertDraft(DefinitionEntry entry, String by, Instant at) {
        jdbc.update("INSERT INTO definition_draft (term, body, examples, probability, sla_hours, criteria, updated_by, "
                        + "updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                entry.term().name(), entry.body(), entry.examples(), entry.probability(), entry.slaHours(),
                CriteriaCodec.encode(entry.criteria()), by, Utc.of(at));
    }

    /** @return false when the draft's row version is no longer the expected one */
    boolean updateDraft(DefinitionEntry entry, long expectedRowVersion, String by, Instant at) {
        return jdbc.update("UPDATE definition_draft SET body = ?, examples = ?, probability = ?, sla_hours = ?, "
                        + "criteria = ?, updated_by = ?, updated_at = ?, row_version = row_version + 1 "
                        + "WHERE term = ? AND row_version = ?",
                entry.body(), entry.examples(), entry.probability(), entry.slaHours(),
                CriteriaCodec.encode(entry.criteria()), by, Utc.of(at), entry.term().name(),
                expectedRowVersion) == 1;
    }

    void deleteDraft(Term term) {
        jdbc.update("DELETE FROM definition_draft WHERE term = ?", term.name());
    }

    void deleteAllDrafts() {
        jdbc.update("DELETE FROM definition_draft");
    }

    void insertVersion(int number, String by, Instant at, String note) {
        jdbc.update("INSERT INTO definition_version (number, published_at, published_by, change_note) VALUES (?, ?, ?, ?)",
                number, Utc.of(at), by, note);
    }

    void insertEntry(int version, DefinitionEntry entry, boolean changed) {
        jdbc.update("INSERT INTO definition_entry (version_number, term, body, examples, probability, sla_hours, changed) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                version, entry.term().name(), entry.body(), entry.examples(), entry.probability(), entry.slaHours(),
                changed);
        List<Object[]> rows = new ArrayList<>();
        int position = 1;
        for (Criterion c : entry.criteria()) {
            rows.add(new Object[] {version, entry.term().name(), position++, c.code(), c.name(), c.explanation()});
        }
        jdbc.batchUpdate("INSERT INTO definition_criterion (version_number, term, position, code, name, explanation) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    void acknowledge(long userId, int version, Instant at) {
        jdbc.update("INSERT IGNORE INTO definition_acknowledgement (user_id, version_number, acknowledged_at) "
                + "VALUES (?, ?, ?)", userId, version, Utc.of(at));
    }

    boolean acknowledged(String username, int version) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM definition_acknowledgement a "
                + "JOIN app_user u ON u.id = a.user_id WHERE u.username = ? AND a.version_number = ?",
                Integer.class, username, version);
        return count != null && count > 0;
    }

    Optional<Long> userId(String username) {
        return jdbc.queryForList("SELECT id FROM app_user WHERE username = ?", Long.class, username).stream().findFirst();
    }

    /** Every enabled user with their roles and the newest version they acknowledged. */
    List<AcknowledgementReport.UserAcknowledgement> acknowledgements() {
        Map<String, List<Role>> roles = new LinkedHashMap<>();
        jdbc.query("SELECT u.username, r.role FROM app_user u JOIN app_user_role r ON r.user_id = u.id "
                        + "WHERE u.enabled ORDER BY r.role",
                (ResultSet rs) -> {
                    roles.computeIfAbsent(rs.getString(1), u -> new ArrayList<>()).add(Role.valueOf(rs.getString(2)));
                });
        return jdbc.query("""
                SELECT u.username, u.display_name, MAX(a.version_number), MAX(a.acknowledged_at)
                FROM app_user u LEFT JOIN definition_acknowledgement a ON a.user_id = u.id
                WHERE u.enabled
                GROUP BY u.id, u.username, u.display_name
                ORDER BY u.display_name""",
                (rs, i) -> new AcknowledgementReport.UserAcknowledgement(rs.getString(1), rs.getString(2),
                        roles.getOrDefault(rs.getString(1), List.of()), integer(rs, 3), instant(rs, 4)));
    }

    /** For each role: enabled users holding it, and how many of them acknowledged the given version. */
    Map<Role, AcknowledgementReport.Share> sharesByRole(int version) {
        Map<Role, AcknowledgementReport.Share> shares = new EnumMap<>(Role.class);
        jdbc.query("""
                SELECT r.role, COUNT(*), COUNT(a.user_id)
                FROM app_user u
                JOIN app_user_role r ON r.user_id = u.id
                LEFT JOIN definition_acknowledgement a ON a.user_id = u.id AND a.version_number = ?
                WHERE u.enabled
                GROUP BY r.role""",
                (ResultSet rs) -> {
                    shares.put(Role.valueOf(rs.getString(1)),
                            new AcknowledgementReport.Share(rs.getLong(3), rs.getLong(2)));
                }, version);
        for (Role role : Role.values()) {
            shares.putIfAbsent(role, new AcknowledgementReport.Share(0, 0));
        }
        return shares;
    }

    void confirm(RecordRef record, String code, String by, Instant at, int version) {
        jdbc.update("INSERT INTO criterion_confirmation (record_type, record_id, code, confirmed_by, confirmed_at, "
                        + "version_number) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE confirmed_by = confirmed_by",
                record.type(), record.id(), code, by, Utc.of(at), version);
    }

    void unconfirm(RecordRef record, String code) {
        jdbc.update("DELETE FROM criterion_confirmation WHERE record_type = ? AND record_id = ? AND code = ?",
                record.type(), record.id(), code);
    }

    java.util.Set<Long> confirmedAmong(String recordType, java.util.Collection<Long> ids) {
        java.util.Set<Long> found = new java.util.HashSet<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            found.addAll(jdbc.queryForList("SELECT DISTINCT record_id FROM criterion_confirmation WHERE record_type = ? "
                    + "AND record_id IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    Long.class, java.util.stream.Stream.concat(java.util.stream.Stream.of(recordType), chunk.stream()).toArray()));
        }
        return found;
    }

    void moveConfirmations(RecordRef from, RecordRef to) {
        jdbc.update("INSERT IGNORE INTO criterion_confirmation (record_type, record_id, code, confirmed_by, confirmed_at, "
                        + "version_number) SELECT ?, ?, code, confirmed_by, confirmed_at, version_number "
                        + "FROM criterion_confirmation WHERE record_type = ? AND record_id = ?",
                to.type(), to.id(), from.type(), from.id());
        jdbc.update("DELETE FROM criterion_confirmation WHERE record_type = ? AND record_id = ?", from.type(), from.id());
    }

    List<Confirmation> confirmations(RecordRef record) {
        return jdbc.query("SELECT code, confirmed_by, confirmed_at, version_number FROM criterion_confirmation "
                        + "WHERE record_type = ? AND record_id = ? ORDER BY confirmed_at",
                (rs, i) -> new Confirmation(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getInt(4)),
                record.type(), record.id());
    }

    private static @Nullable Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return Utc.read(rs, column);
    }
}
