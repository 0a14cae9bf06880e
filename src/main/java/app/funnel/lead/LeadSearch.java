package app.funnel.lead;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * A page of leads in the grid's order. Where the lead tally can place the page (no text or date
     * filter, ordered by created or by status), the query seeks to the month the page starts in and
     * skips at most that month's leads; other deep pages are read from whichever end of the order is
     * nearer. Either way the ids come first from an index and the rows are joined after.
     */
    List<LeadRow> page(LeadQuery query, Pageable pageable) {
        Order order = Order.of(pageable.getSort());
        long offset = pageable.getOffset();
        int limit = pageable.getPageSize();
        List<Object> args = new ArrayList<>();
        List<String> conditions = conditions(query, args);
        boolean reversed = false;
        if (tallied(query)) {
            if (order.column().equals("created_at") || order.column().equals("status")) {
                Optional<Seek> seek = seek(query, order, offset);
                if (seek.isEmpty()) {
                    return List.of();
                }
                conditions.add(seek.get().condition());
                args.addAll(seek.get().args());
                offset = seek.get().offset();
            } else {
                long total = count(query);
                if (offset >= total) {
                    return List.of();
                }
                if (offset > total / 2) {
                    // nearer from the other end: read the same rows in the reverse order, then turn them round
                    int size = (int) Math.min(limit, total - offset);
                    offset = total - offset - size;
                    limit = size;
                    reversed = true;
                }
            }
        }
        Order used = reversed ? order.reversed() : order;
        args.add(limit);
        args.add(offset);
        String sql = "SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.source, l.owner_id, l.status, "
                + "l.suspect_reasons, l.first_touch_due_at, l.first_touch_at, l.created_at "
                + "FROM leads l JOIN (SELECT id FROM leads" + where(conditions) + " ORDER BY " + used.sql("")
                + " LIMIT ? OFFSET ?) p ON p.id = l.id ORDER BY " + used.sql("l.");
        List<LeadRow> rows = jdbc.query(sql, (rs, i) -> new LeadRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), LeadSource.valueOf(rs.getString(6)), rs.getLong(7),
                LeadStatus.valueOf(rs.getString(8)), rs.getString(9) != null,
                instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12))),
                args.toArray());
        return reversed ? rows.reversed() : rows;
    }

    long count(LeadQuery query) {
        List<Object> args = new ArrayList<>();
        if (tallied(query)) {
            Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(n), 0) FROM lead_tally"
                    + where(tallyConditions(query, args)), Long.class, args.toArray());
            return sum == null ? 0 : sum;
        }
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM leads" + where(conditions(query, args)), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    /** How many leads of each status match the other filters. */
    Map<LeadStatus, Long> countsByStatus(LeadQuery query) {
        List<Object> args = new ArrayList<>();
        Map<LeadStatus, Long> counts = new EnumMap<>(LeadStatus.class);
        for (LeadStatus status : LeadStatus.values()) {
            counts.put(status, 0L);
        }
        LeadQuery any = query.withStatus(null);
        String sql = tallied(any)
                ? "SELECT status, SUM(n) FROM lead_tally" + where(tallyConditions(any, args)) + " GROUP BY status"
                : "SELECT status, COUNT(*) FROM leads" + where(conditions(any, args)) + " GROUP BY status";
        jdbc.query(sql, (java.sql.ResultSet rs) -> {
            counts.put(LeadStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }, args.toArray());
        return counts;
    }

    /** Whether the lead tally answers this query's counts: no text and no date filter. */
    private static boolean tallied(LeadQuery query) {
        return (query.text() == null || query.text().isBlank()) && query.createdFrom() == null
                && query.createdTo() == null;
    }

    /** Where a page starts: the month bucket holding the offset, as a condition, and the offset left within it. */
    private record Seek(String condition, List<Object> args, long offset) {
    }

    private Optional<Seek> seek(LeadQuery query, Order order, long offset) {
        boolean byStatus = order.column().equals("status");
        // created descending, or (when ordered by status) newest first within each status
        boolean createdDescending = byStatus == order.ascending();
        String monthDirection = createdDescending ? "DESC" : "ASC";
        List<Object> args = new ArrayList<>();
        String sql = byStatus
                ? "SELECT status, created_month, SUM(n) AS total FROM lead_tally" + where(tallyConditions(query, args))
                        + " GROUP BY status, created_month ORDER BY status " + (order.ascending() ? "ASC" : "DESC")
                        + ", created_month " + monthDirection
                : "SELECT created_month, SUM(n) AS total FROM lead_tally" + where(tallyConditions(query, args))
                        + " GROUP BY created_month ORDER BY created_month " + monthDirection;
        long before = 0;
        for (Map<String, Object> bucket : jdbc.queryForList(sql, args.toArray())) {
            long n = ((Number) bucket.get("total")).longValue();
            if (n <= 0) {
                continue;
            }
            if (offset < before + n) {
                int month = ((Number) bucket.get("created_month")).intValue();
                LocalDateTime start = LocalDateTime.of(month / 100, month % 100, 1, 0, 0);
                String created = createdDescending ? "created_at < ?" : "created_at >= ?";
                Object bound = createdDescending ? start.plusMonths(1) : start;
                if (!byStatus) {
                    return Optional.of(new Seek(created, List.of(bound), offset - before));
                }
                String status = (String) bucket.get("status");
                String beyond = order.ascending() ? "status > ?" : "status < ?";
                return Optional.of(new Seek("(" + beyond + " OR (status = ? AND " + created + "))",
                        List.of(status, status, bound), offset - before));
            }
            before += n;
        }
        return Optional.empty();
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

    private static List<String> conditions(LeadQuery query, List<Object> args) {
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
        return conditions;
    }

    /** The filters the tally has: status, owner and source. */
    private static List<String> tallyConditions(LeadQuery query, List<Object> args) {
        return conditions(new LeadQuery(query.status(), query.ownerId(), query.source(), null, null, null), args);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * The grid's order in SQL: one sort column (the first the grid asks for), with ties broken so
     * that the order is total and follows an index: by status, newest first within each status.
     */
    private record Order(String column, boolean ascending) {

        static Order of(Sort sort) {
            for (Sort.Order order : sort) {
                String column = SORTS.get(order.getProperty());
                if (column != null) {
                    return new Order(column, order.isAscending());
                }
            }
            return new Order("created_at", false);
        }

        Order reversed() {
            return new Order(column, !ascending);
        }

        String sql(String alias) {
            String direction = ascending ? "ASC" : "DESC";
            String opposite = ascending ? "DESC" : "ASC";
            return switch (column) {
                case "last_name" -> alias + "last_name " + direction + ", " + alias + "first_name " + direction
                        + ", " + alias + "id " + direction;
                case "status" -> alias + "status " + direction + ", " + alias + "created_at " + opposite
                        + ", " + alias + "id " + opposite;
                default -> alias + column + " " + direction + ", " + alias + "id " + direction;
            };
        }
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
