package app.funnel.lead;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The lead grid's queries in SQL. A page is found as ids first (read from an index that ends in
 * id, in the grid's order) and the rows joined after, so a deep page does not read the rows it skips.
 */
@Repository
class LeadSearch {

    private static final Map<String, String> SORTS = Map.of(
            "createdAt", "created_at",
            "lastName", "last_name",
            "company", "company",
            "status", "status");

    private final JdbcTemplate jdbc;

    LeadSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<LeadRow> page(LeadQuery query, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        String sql = "SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.source, l.owner_id, l.status, "
                + "l.suspect_reasons, l.first_touch_due_at, l.first_touch_at, l.created_at "
                + "FROM leads l JOIN (SELECT id FROM leads" + where + " ORDER BY " + order(pageable.getSort(), "")
                + " LIMIT ? OFFSET ?) p ON p.id = l.id ORDER BY " + order(pageable.getSort(), "l.");
        return jdbc.query(sql, (rs, i) -> new LeadRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), LeadSource.valueOf(rs.getString(6)), rs.getLong(7),
                LeadStatus.valueOf(rs.getString(8)), rs.getString(9) != null,
                instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12))),
                args.toArray());
    }

    long count(LeadQuery query) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM leads" + where(query, args), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** How many leads of each status match the other filters. */
    Map<LeadStatus, Long> countsByStatus(LeadQuery query) {
        List<Object> args = new ArrayList<>();
        Map<LeadStatus, Long> counts = new EnumMap<>(LeadStatus.class);
        for (LeadStatus status : LeadStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.query("SELECT status, COUNT(*) FROM leads" + where(query.withStatus(null), args) + " GROUP BY status",
                (java.sql.ResultSet rs) -> {
                    counts.put(LeadStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, args.toArray());
        return counts;
    }

    /** Leads with the same e-mail key, the same phone, or the same name at the same company. */
    List<DuplicateLead> duplicates(@org.jspecify.annotations.Nullable String emailKey,
                                   @org.jspecify.annotations.Nullable String phone, String nameKey,
                                   @org.jspecify.annotations.Nullable String companyKey,
                                   @org.jspecify.annotations.Nullable Long exclude) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (emailKey != null) {
            conditions.add("email_key = ?");
            args.add(emailKey);
        }
        if (phone != null) {
            conditions.add("phone = ?");
            args.add(phone);
        }
        if (companyKey != null) {
            conditions.add("(name_key = ? AND company_key = ?)");
            args.add(nameKey);
            args.add(companyKey);
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT id, first_name, last_name, company, status, email_key, phone, name_key, company_key "
                + "FROM leads WHERE (" + String.join(" OR ", conditions) + ")"
                + (exclude != null ? " AND id <> ?" : "") + " ORDER BY created_at DESC LIMIT 20";
        if (exclude != null) {
            args.add(exclude);
        }
        return jdbc.query(sql, (rs, i) -> {
            var matches = java.util.EnumSet.noneOf(DuplicateLead.Match.class);
            if (emailKey != null && emailKey.equals(rs.getString(6))) {
                matches.add(DuplicateLead.Match.EMAIL);
            }
            if (phone != null && phone.equals(rs.getString(7))) {
                matches.add(DuplicateLead.Match.PHONE);
            }
            if (companyKey != null && nameKey.equals(rs.getString(8)) && companyKey.equals(rs.getString(9))) {
                matches.add(DuplicateLead.Match.NAME_AND_COMPANY);
            }
            return new DuplicateLead(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4) == null ? "" : rs.getString(4), LeadStatus.valueOf(rs.getString(5)),
                    java.util.Set.copyOf(matches));
        }, args.toArray());
    }

    private static String where(LeadQuery query, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add("status = ?");
            args.add(query.status().name());
        }
        if (query.ownerId() != null) {
            conditions.add("owner_id = ?");
            args.add(query.ownerId());
        }
        if (query.source() != null) {
            conditions.add("source = ?");
            args.add(query.source().name());
        }
        if (query.createdFrom() != null) {
            conditions.add("created_at >= ?");
            args.add(start(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            conditions.add("created_at < ?");
            args.add(start(query.createdTo().plusDays(1)));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String prefix = escape(ContactCheck.plain(query.text())) + "%";
            conditions.add("(name_key LIKE ? OR last_name LIKE ? OR email_key LIKE ? OR company LIKE ?)");
            args.add(prefix);
            args.add(prefix);
            args.add(prefix);
            args.add(prefix);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String order(Sort sort, String alias) {
        List<String> parts = new ArrayList<>();
        String direction = "DESC";
        for (Sort.Order order : sort) {
            String column = SORTS.get(order.getProperty());
            if (column != null) {
                direction = order.isAscending() ? "ASC" : "DESC";
                parts.add(alias + column + " " + direction);
                if (column.equals("last_name")) {
                    parts.add(alias + "first_name " + direction);
                }
            }
        }
        if (parts.isEmpty()) {
            parts.add(alias + "created_at DESC");
        }
        parts.add(alias + "id " + direction);
        return String.join(", ", parts);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
