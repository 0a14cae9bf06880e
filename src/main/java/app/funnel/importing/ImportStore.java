package app.funnel.importing;

import app.funnel.base.Utc;
import app.funnel.lead.LeadBatch;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The lead_import tables: imports, the leads each created or updated, and the rows each could not import. */
@Repository
class ImportStore {

    private static final String COLUMNS = "id, file_name, file_bytes, encoding, delimiter_char, duplicate_choice, "
            + "started_by, started_at, finished_at, status, total_rows, processed_rows, created_count, updated_count, "
            + "skipped_count, failed_count, message, undone_by, undone_at, undo_removed, undo_reverted, undo_kept";

    private final JdbcTemplate jdbc;

    ImportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ImportFile file, ImportOptions options, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String mapping = options.mapping().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().name())
                .collect(Collectors.joining(","));
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO lead_import (file_name, file_bytes, encoding, "
                    + "delimiter_char, header, mapping, duplicate_choice, skip_invalid, source, signal_kind, owner_id, "
                    + "status, total_rows, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, file.fileName().length() > 255 ? file.fileName().substring(0, 255) : file.fileName());
            statement.setLong(2, file.bytes());
            statement.setString(3, file.encoding().name());
            statement.setString(4, String.valueOf(file.delimiter()));
            statement.setString(5, line(file.header()));
            statement.setString(6, mapping);
            statement.setString(7, options.duplicates().name());
            statement.setBoolean(8, options.skipInvalid());
            statement.setString(9, options.source().name());
            statement.setString(10, options.signal() == null ? null : options.signal().name());
            statement.setLong(11, options.ownerId());
            statement.setString(12, ImportStatus.RUNNING.name());
            statement.setInt(13, file.rows());
            statement.setString(14, by);
            statement.setObject(15, Utc.of(at));
            return statement;
        }, key);
        return java.util.Objects.requireNonNull(key.getKey()).longValue();
    }

    /** Adds a batch's counts. */
    void progress(long id, int processed, int created, int updated, int skipped, int failed) {
        jdbc.update("UPDATE lead_import SET processed_rows = processed_rows + ?, created_count = created_count + ?, "
                + "updated_count = updated_count + ?, skipped_count = skipped_count + ?, failed_count = failed_count + ? "
                + "WHERE id = ?", processed, created, updated, skipped, failed, id);
    }

    void finish(long id, ImportStatus status, @Nullable String message, Instant at) {
        jdbc.update("UPDATE lead_import SET status = ?, message = ?, finished_at = ? WHERE id = ?", status.name(),
                message == null ? null : message.length() > 1000 ? message.substring(0, 1000) : message,
                Utc.of(at), id);
    }

    void undone(long id, String by, Instant at, LeadBatch.Undone undone) {
        jdbc.update("UPDATE lead_import SET status = ?, undone_by = ?, undone_at = ?, undo_removed = ?, "
                        + "undo_reverted = ?, undo_kept = ? WHERE id = ?", ImportStatus.UNDONE.name(), by,
                Utc.of(at), undone.removed(), undone.reverted(), undone.kept(), id);
    }

    /** Imports that were running when the application stopped: they stay as far as they got. */
    int interrupted(String message, Instant at) {
        return jdbc.update("UPDATE lead_import SET status = ?, message = ?, finished_at = ? WHERE status = ?",
                ImportStatus.INTERRUPTED.name(), message, Utc.of(at), ImportStatus.RUNNING.name());
    }

    Optional<ImportSummary> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lead_import WHERE id = ?", ImportStore::summary, id).stream()
                .findFirst();
    }

    /** The newest imports first. */
    List<ImportSummary> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM lead_import ORDER BY started_at DESC, id DESC LIMIT ?",
                ImportStore::summary, limit);
    }

    /** The import's header and delimiter, for the failed-rows file. */
    List<String> header(long id) {
        String header = jdbc.queryForObject("SELECT header FROM lead_import WHERE id = ?", String.class, id);
        return values(java.util.Objects.requireNonNull(header));
    }

    /** Records the leads a batch created, as runs of consecutive ids. */
    void created(long importId, List<Long> leadIds) {
        int start = 0;
        for (int i = 1; i <= leadIds.size(); i++) {
            if (i == leadIds.size() || leadIds.get(i) != leadIds.get(i - 1) + 1) {
                jdbc.update("INSERT INTO lead_import_created (import_id, first_lead_id, last_lead_id) VALUES (?, ?, ?)",
                        importId, leadIds.get(start), leadIds.get(i - 1));
                start = i;
            }
        }
    }

    void updated(long importId, List<LeadBatch.Updated> leads) {
        rows(leads.stream().map(u -> new Object[] {importId, u.id(), u.version(), encode(u.previous())}).toList());
    }

    /** The leads the import created, with the version it left them at (0: new). */
    Map<Long, Long> createdBy(long importId) {
        Map<Long, Long> created = new LinkedHashMap<>();
        jdbc.query("SELECT first_lead_id, last_lead_id FROM lead_import_created WHERE import_id = ? "
                + "ORDER BY first_lead_id", rs -> {
                    for (long id = rs.getLong(1); id <= rs.getLong(2); id++) {
                        created.put(id, 0L); // as created: version 0
                    }
                }, importId);
        return created;
    }

    List<LeadBatch.Updated> updatedBy(long importId) {
        return jdbc.query("SELECT lead_id, lead_version, previous FROM lead_import_row WHERE import_id = ?",
                (rs, i) -> new LeadBatch.Updated(rs.getLong(1), rs.getLong(2), decode(rs.getString(3))), importId);
    }

    void failures(long importId, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (int from = 0; from < rows.size(); from += 500) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
            String sql = "INSERT INTO lead_import_failure (import_id, row_no, reason, line_values) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"));
            List<Object> args = new ArrayList<>();
            for (Object[] row : chunk) {
                args.add(importId);
                args.add(row[0]);
                String reason = (String) row[1];
                args.add(reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                args.add(row[2]);
            }
            jdbc.update(sql, args.toArray());
        }
    }

    /** The failed rows in file order: row number, reason, the row's values. */
    void eachFailure(long importId, Consumer<Object[]> consumer) {
        jdbc.query("SELECT row_no, reason, line_values FROM lead_import_failure WHERE import_id = ? ORDER BY row_no",
                rs -> {
                    consumer.accept(new Object[] {rs.getInt(1), rs.getString(2), values(rs.getString(3))});
                }, importId);
    }

    private void rows(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            String sql = "INSERT INTO lead_import_row (import_id, lead_id, lead_version, previous) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"));
            jdbc.update(sql, chunk.stream().flatMap(java.util.Arrays::stream).toArray());
        }
    }

    /** A row's values as one CSV line, and back. */
    static String line(List<String> values) {
        return org.apache.commons.csv.CSVFormat.RFC4180.format(values.toArray());
    }

    static List<String> values(String line) {
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(line))) {
            var records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.getFirst().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String encode(Map<String, @Nullable String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() == null ? "" : "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, @Nullable String> decode(@Nullable String text) {
        Map<String, @Nullable String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                values.put(pair, null);
            } else {
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static ImportSummary summary(ResultSet rs, int i) throws SQLException {
        return new ImportSummary(rs.getLong(1), rs.getString(2), rs.getLong(3),
                Encoding.valueOf(rs.getString(4)).label(), rs.getString(5), DuplicateChoice.valueOf(rs.getString(6)),
                rs.getString(7), Utc.readRequired(rs, 8), Utc.read(rs, 9),
                ImportStatus.valueOf(rs.getString(10)), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
                rs.getInt(15), rs.getInt(16), rs.getString(17), rs.getString(18), Utc.read(rs, 19),
                (Integer) rs.getObject(20, Integer.class), rs.getObject(21, Integer.class),
                rs.getObject(22, Integer.class));
    }
}
