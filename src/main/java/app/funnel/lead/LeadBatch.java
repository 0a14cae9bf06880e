package app.funnel.lead;

import app.funnel.base.Utc;
import app.funnel.base.BulkLoad;
import app.funnel.statistics.LeadsCounted;
import app.funnel.statistics.StageHistory;
import app.funnel.definition.DefinitionService;
import app.funnel.security.CurrentUser;
import app.funnel.security.Roles;
import java.time.LocalDateTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads by the thousand, for the CSV import: finds the existing leads a batch of rows matches (the
 * same duplicate rules as one lead typed in), creates leads with their NEW status row, signal and
 * tally in a few statements per thousand, updates existing leads with what a file says, and undoes
 * both. Every method joins the caller's transaction, so a batch is written whole or not at all.
 */
@Service
public class LeadBatch {

    /** An existing lead a row of a file matches, and how. */
    public record Match(long id, String firstName, String lastName, LeadStatus status, long version,
                        Set<DuplicateRule.Match> how) {
    }

    /** A lead an import updated: its version afterwards, and the values the import replaced. */
    public record Updated(long id, long version, Map<String, @Nullable String> previous) {
    }

    /** What undoing an import did. */
    public record Undone(int removed, int reverted, int kept) {
    }

    /** The fields an import may change on an existing lead, and their columns. */
    private static final Map<String, String> UPDATABLE = new LinkedHashMap<>();

    static {
        UPDATABLE.put("firstName", "first_name");
        UPDATABLE.put("lastName", "last_name");
        UPDATABLE.put("email", "email");
        UPDATABLE.put("phone", "phone");
        UPDATABLE.put("company", "company");
        UPDATABLE.put("jobTitle", "job_title");
        UPDATABLE.put("country", "country");
    }


    /** The columns a new lead is inserted with (the rest take their defaults), in {@link #newLead} order. */
    static final List<String> NEW_LEAD_COLUMNS = List.of("first_name", "last_name", "email", "email_key", "phone",
            "company", "name_key", "company_key", "job_title", "country", "source", "owner_id", "status",
            "suspect_reasons", "notes", "created_at", "updated_at", "updated_by");

    /** A new NEW lead's values for {@link #NEW_LEAD_COLUMNS}. */
    static Object[] newLead(LeadFields r, LeadSource source, long ownerId, Object now, String by) {
        return new Object[] {r.firstName(), r.lastName(), r.email(), r.emailKey(), r.phone(), r.company(),
                r.nameKey(), r.companyKey(), r.jobTitle(), r.country(), source.name(), ownerId, LeadStatus.NEW.name(),
                r.suspectColumn(), r.notes(), now, now, by};
    }

    private final JdbcTemplate jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final StageHistory history;
    private final DefinitionService definitions;
    private final Clock clock;
    private volatile @Nullable Boolean consecutiveIds;

    private final app.funnel.activity.ActivityService activities;

    LeadBatch(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events, StageHistory history,
              DefinitionService definitions, Clock clock, app.funnel.activity.ActivityService activities) {
        this.activities = activities;
        this.jdbc = jdbc;
        this.events = events;
        this.history = history;
        this.definitions = definitions;
        this.clock = clock;
    }

    /**
     * For each row, the existing leads that look like the same person (same e-mail as the provider
     * reads it, same phone, or same name at the same company), newest first; an empty list when none.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    @PreAuthorize(Roles.HAS_IMPORT)
    public List<List<Match>> matches(List<LeadFields> rows) {
        Map<String, List<Object[]>> byEmail = new HashMap<>();
        Map<String, List<Object[]>> byPhone = new HashMap<>();
        Map<String, List<Object[]>> byName = new HashMap<>();
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<List<String>> names = new HashSet<>();
        for (LeadFields row : rows) {
            if (row.emailKey() != null) {
                emails.add(row.emailKey());
            }
            if (row.phone() != null) {
                phones.add(row.phone());
            }
            if (row.companyKey() != null) {
                names.add(List.of(row.nameKey(), row.companyKey()));
            }
        }
        String columns = "SELECT id, first_name, last_name, status, version, email_key, phone, name_key, company_key, "
                + "created_at FROM leads WHERE ";
        for (List<String> chunk : InLists.chunks(List.copyOf(emails))) {
            collect(jdbc.query(columns + "email_key IN " + InLists.marks(chunk.size()), LeadBatch::raw, chunk.toArray()),
                    byEmail, 5);
        }
        for (List<String> chunk : InLists.chunks(List.copyOf(phones))) {
            collect(jdbc.query(columns + "phone IN " + InLists.marks(chunk.size()), LeadBatch::raw, chunk.toArray()),
                    byPhone, 6);
        }
        for (List<List<String>> chunk : InLists.chunks(List.copyOf(names))) {
            String pairs = "(" + String.join(",", Collections.nCopies(chunk.size(), "(?, ?)")) + ")";
            Object[] args = chunk.stream().flatMap(List::stream).toArray();
            collect(jdbc.query(columns + "(name_key, company_key) IN " + pairs, LeadBatch::raw, args), byName, 7);
        }
        List<List<Match>> result = new ArrayList<>(rows.size());
        for (LeadFields row : rows) {
            Map<Long, Object[]> found = new LinkedHashMap<>();
            collectFor(byEmail.get(row.emailKey()), found);
            collectFor(byPhone.get(row.phone()), found);
            if (row.companyKey() != null) {
                collectFor(byName.get(row.nameKey() + "\u0000" + row.companyKey()), found);
            }
            DuplicateRule.Prepared person = DuplicateRule.prepare(row.person());
            List<Match> same = new ArrayList<>();
            found.values().stream()
                    .sorted((a, b) -> ((LocalDateTime) b[9]).compareTo((LocalDateTime) a[9]))
                    .forEach(r -> {
                        Set<DuplicateRule.Match> how = DuplicateRule.compare(person, DuplicateRule.prepare(
                                new DuplicateRule.Person((String) r[1], (String) r[2], (String) r[5], (String) r[6],
                                        (String) r[8])), false);
                        if (DuplicateRule.certain(how)) {
                            same.add(new Match((Long) r[0], (String) r[1], (String) r[2],
                                    LeadStatus.valueOf((String) r[3]), (Long) r[4], Set.copyOf(how)));
                        }
                    });
            result.add(same);
        }
        return result;
    }

    /**
     * Creates NEW leads owned by {@code ownerId}, each with its status row and (when given) an
     * interest signal, and counts them in the tallies.
     *
     * @return the new leads' ids, in the order of the rows
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(Roles.HAS_IMPORT)
    public List<Long> create(List<LeadFields> rows, LeadSource defaultSource, long ownerId,
                             @Nullable SignalKind signal) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String by = CurrentUser.require().username();
        // microseconds, as DATETIME(6) keeps them: the new rows are found again by this exact value
        LocalDateTime now = Utc.of(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        int version = definitions.currentVersion();
        List<Long> ids = new ArrayList<>(rows.size());
        for (List<LeadFields> chunk : InLists.chunks(rows)) {
            List<Object[]> values = chunk.stream()
                    .map(r -> newLead(r, r.source() == null ? defaultSource : r.source(), ownerId, now, by)).toList();
            ids.addAll(insertLeads(values, now, by));
        }
        List<Object[]> signalRows = new ArrayList<>(ids.size());
        for (long id : ids) {
            if (signal != null) {
                signalRows.add(new Object[] {id, signal.name(), now});
            }
        }
        // the status rows, with the new leads' owner and source (a new lead has no event to count yet)
        history.loadFirst(LeadStatus.LIFECYCLE, ids, LeadStatus.NEW, by, now, version);
        insertRows("INSERT INTO lead_signal (lead_id, kind, occurred_at)", signalRows);
        events.publishEvent(LeadsCounted.in(ids));
        return ids;
    }

    /**
     * Updates existing leads with a file's values where the file has one (source, owner and status
     * stay); each change goes to the lead's field history. A lead changed by someone else since
     * {@code expectedVersions} was read is left alone and not in the result.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(Roles.HAS_IMPORT)
    public List<Updated> update(Map<Long, LeadFields> changes, Map<Long, Long> expectedVersions) {
        if (changes.isEmpty()) {
            return List.of();
        }
        String by = CurrentUser.require().username();
        Instant now = clock.instant();
        Map<Long, Map<String, @Nullable String>> current = current(changes.keySet());
        List<Updated> updated = new ArrayList<>();
        List<Object[]> fieldRows = new ArrayList<>();
        List<Long> moved = new ArrayList<>();
        for (Map.Entry<Long, LeadFields> change : changes.entrySet()) {
            long id = change.getKey();
            Map<String, @Nullable String> before = current.get(id);
            if (before == null || !Objects.equals(Long.valueOf(Objects.requireNonNull(before.get("version"))),
                    expectedVersions.get(id))) {
                continue;
            }
            LeadFields file = change.getValue();
            Map<String, @Nullable String> after = new LinkedHashMap<>(before);
            after.put("firstName", file.firstName());
            after.put("lastName", file.lastName());
            putIfGiven(after, "email", file.email());
            putIfGiven(after, "phone", file.phone());
            putIfGiven(after, "company", file.company());
            putIfGiven(after, "jobTitle", file.jobTitle());
            putIfGiven(after, "country", file.country());
            Map<String, @Nullable String> previous = new LinkedHashMap<>();
            for (String field : UPDATABLE.keySet()) {
                if (!Objects.equals(before.get(field), after.get(field))) {
                    previous.put(field, before.get(field));
                    fieldRows.add(new Object[] {id, field, before.get(field), after.get(field), by, Utc.of(now)});
                }
            }
            long version = Long.parseLong(Objects.requireNonNull(before.get("version")));
            if (previous.isEmpty()) {
                updated.add(new Updated(id, version, previous));
                continue;
            }
            boolean reordered = previous.containsKey("lastName") || previous.containsKey("company");
            if (reordered) {
                events.publishEvent(LeadsCounted.out(List.of(id)));
                moved.add(id);
            }
            write(id, after, now, by);
            updated.add(new Updated(id, version + 1, previous));
        }
        if (!moved.isEmpty()) {
            events.publishEvent(LeadsCounted.in(moved));
        }
        insertRows("INSERT INTO lead_field_change (lead_id, field, old_value, new_value, changed_by, changed_at)",
                fieldRows);
        return updated;
    }

    /**
     * Undoes an import: removes the leads it created that nobody changed since (same version, no
     * criteria confirmed, no opportunity, referring nobody), and puts back the values it replaced on
     * the leads it updated that nobody changed since. The rest is kept, and counted as kept.
     *
     * @param created id and version (as the import left them) of the leads it created
     * @param updated the leads it updated
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(Roles.HAS_IMPORT)
    public Undone undo(Map<Long, Long> created, List<Updated> updated) {
        String by = CurrentUser.require().username();
        Instant now = clock.instant();
        int kept = 0;
        Set<Long> confirmed = definitions.confirmedAmong(LeadService.RECORD, created.keySet());
        List<Long> removable = new ArrayList<>();
        for (List<Long> chunk : InLists.chunks(List.copyOf(created.keySet()))) {
            String in = InLists.marks(chunk.size());
            Set<Long> referring = new HashSet<>(jdbc.queryForList(
                    "SELECT DISTINCT referred_by_id FROM leads WHERE referred_by_id IN " + in, Long.class, chunk.toArray()));
            // anything newer than the import keeps the lead, also what does not move its version: a web form's
            // signal (and with it its consent), a signal added by hand, a status or field change
            Object[] twice = java.util.stream.Stream.concat(chunk.stream(), chunk.stream()).toArray();
            referring.addAll(jdbc.queryForList("SELECT s.lead_id FROM lead_signal s JOIN leads l ON l.id = s.lead_id "
                    + "WHERE s.lead_id IN " + in + " AND (s.occurred_at <> l.created_at OR s.via IS NOT NULL)"
                    + " UNION SELECT lead_id FROM lead_signal WHERE lead_id IN " + in
                    + " GROUP BY lead_id HAVING COUNT(*) > 1", Long.class, twice));
            referring.addAll(history.changedSinceFirst(LeadStatus.LIFECYCLE, chunk));
            referring.addAll(jdbc.queryForList("SELECT lead_id FROM lead_field_change WHERE lead_id IN " + in, Long.class,
                    chunk.toArray()));
            // a call logged or a next step planned on it since
            referring.addAll(activities.withWork(LeadService.RECORD, chunk));
            jdbc.query("SELECT id, version, opportunity_id FROM leads WHERE id IN " + in, rs -> {
                long id = rs.getLong(1);
                if (rs.getLong(2) == created.get(id) && rs.getObject(3) == null && !referring.contains(id)
                        && !confirmed.contains(id)) {
                    removable.add(id);
                }
            }, chunk.toArray());
        }
        kept += created.size() - removable.size();
        events.publishEvent(LeadsCounted.out(removable));
        for (List<Long> chunk : InLists.chunks(removable)) {
            String in = InLists.marks(chunk.size());
            Object[] ids = chunk.toArray();
            history.removeFirst(LeadStatus.LIFECYCLE, chunk);
            jdbc.update("DELETE FROM lead_field_change WHERE lead_id IN " + in, ids);
            jdbc.update("DELETE FROM lead_signal WHERE lead_id IN " + in, ids);
            jdbc.update("DELETE FROM leads WHERE id IN " + in, ids);
        }
        int reverted = 0;
        Map<Long, Map<String, @Nullable String>> current = current(updated.stream().map(Updated::id).toList());
        List<Object[]> fieldRows = new ArrayList<>();
        List<Long> moved = new ArrayList<>();
        for (Updated change : updated) {
            Map<String, @Nullable String> now_ = current.get(change.id());
            if (now_ == null || Long.parseLong(Objects.requireNonNull(now_.get("version"))) != change.version()) {
                kept++;
                continue;
            }
            if (change.previous().isEmpty()) {
                continue;
            }
            Map<String, @Nullable String> after = new LinkedHashMap<>(now_);
            after.putAll(change.previous());
            for (String field : change.previous().keySet()) {
                fieldRows.add(new Object[] {change.id(), field, now_.get(field), after.get(field), by, Utc.of(now)});
            }
            if (change.previous().containsKey("lastName") || change.previous().containsKey("company")) {
                events.publishEvent(LeadsCounted.out(List.of(change.id())));
                moved.add(change.id());
            }
            write(change.id(), after, now, by);
            reverted++;
        }
        if (!moved.isEmpty()) {
            events.publishEvent(LeadsCounted.in(moved));
        }
        insertRows("INSERT INTO lead_field_change (lead_id, field, old_value, new_value, changed_by, changed_at)",
                fieldRows);
        return new Undone(removable.size(), reverted, kept);
    }

    // --- writing ---

    private void write(long id, Map<String, @Nullable String> values, Instant now, String by) {
        String first = Objects.requireNonNull(values.get("firstName"));
        String last = Objects.requireNonNull(values.get("lastName"));
        String email = values.get("email");
        String phone = values.get("phone");
        String company = values.get("company");
        Set<SuspectReason> suspect = ContactCheck.suspectReasons(first, last, email, phone);
        jdbc.update("UPDATE leads SET first_name = ?, last_name = ?, email = ?, email_key = ?, phone = ?, company = ?, "
                        + "company_key = ?, name_key = ?, job_title = ?, country = ?, suspect_reasons = ?, updated_at = ?, "
                        + "updated_by = ?, version = version + 1 WHERE id = ?",
                first, last, email, ContactCheck.emailKey(email), phone, company,
                ContactCheck.companyKey(company), ContactCheck.nameKey(first, last),
                values.get("jobTitle"), values.get("country"),
                SuspectReason.stored(suspect),
                Utc.of(now), by, id);
    }

    /** The updatable fields and version of existing leads, locked until the transaction ends. */
    private Map<Long, Map<String, @Nullable String>> current(Collection<Long> ids) {
        Map<Long, Map<String, @Nullable String>> result = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(List.copyOf(ids))) {
            jdbc.query("SELECT id, version, " + String.join(", ", UPDATABLE.values()) + " FROM leads WHERE id IN "
                    + InLists.marks(chunk.size()) + " FOR UPDATE", rs -> {
                Map<String, @Nullable String> values = new LinkedHashMap<>();
                values.put("version", Long.toString(rs.getLong(2)));
                int column = 3;
                for (String field : UPDATABLE.keySet()) {
                    values.put(field, rs.getString(column++));
                }
                result.put(rs.getLong(1), values);
            }, chunk.toArray());
        }
        return result;
    }

    /**
     * Up to a thousand leads in one LOAD DATA (or a multi-row INSERT where the server refuses local
     * loads). With InnoDB's default auto-increment mode one statement gets consecutive ids from
     * LAST_INSERT_ID() on (checked); otherwise rows go one by one.
     */
    private List<Long> insertLeads(List<Object[]> rows, LocalDateTime now, String by) {
        List<String> columns = NEW_LEAD_COLUMNS;
        String insert = "INSERT INTO leads (" + String.join(", ", columns) + ")";
        List<Long> ids = new ArrayList<>(rows.size());
        if (consecutive()) {
            if (!BulkLoad.load(jdbc, "leads", columns, rows)) {
                insertRows(insert, rows);
            }
            long first = Objects.requireNonNull(jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class));
            Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE id BETWEEN ? AND ? AND created_at = ? "
                    + "AND updated_by = ?", Integer.class, first, first + rows.size() - 1, now, by);
            if (found == null || found != rows.size()) {
                throw new IllegalStateException("The new leads did not get consecutive ids from " + first);
            }
            for (int i = 0; i < rows.size(); i++) {
                ids.add(first + i);
            }
            return ids;
        }
        for (Object[] row : rows) {
            jdbc.update(insert + " VALUES " + InLists.marks(row.length), row);
            ids.add(Objects.requireNonNull(jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class)));
        }
        return ids;
    }

    private boolean consecutive() {
        Boolean known = consecutiveIds;
        if (known == null) {
            known = jdbc.queryForObject("SELECT @@innodb_autoinc_lock_mode < 2 AND @@auto_increment_increment = 1",
                    Boolean.class);
            consecutiveIds = known;
        }
        return Boolean.TRUE.equals(known);
    }

    private void insertRows(String insert, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.getFirst().length;
        String tuple = InLists.marks(columns);
        for (List<Object[]> chunk : InLists.chunks(rows)) {
            String sql = insert + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), tuple));
            jdbc.update(sql, chunk.stream().flatMap(Stream::of).toArray());
        }
    }

    // --- helpers ---

    private static Object[] raw(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDateTime.class)};
    }

    private static void collect(List<Object[]> found, Map<String, List<Object[]>> into, int keyColumn) {
        for (Object[] row : found) {
            String key = keyColumn == 7 ? row[7] + "\u0000" + row[8] : (String) row[keyColumn];
            into.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
    }

    private static void collectFor(@Nullable List<Object[]> candidates, Map<Long, Object[]> into) {
        if (candidates != null) {
            candidates.forEach(row -> into.putIfAbsent((Long) row[0], row));
        }
    }

    private static void putIfGiven(Map<String, @Nullable String> values, String field, @Nullable String value) {
        if (value != null) {
            values.put(field, value);
        }
    }
}
