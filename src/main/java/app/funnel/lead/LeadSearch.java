package app.funnel.lead;

import app.funnel.statistics.FunnelStep;
import app.funnel.base.Utc;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    /** Pages this near either end of the order are read directly; deeper ones are placed with the tally. */
    static final long SHALLOW = 5_000;
    private volatile long shallow = SHALLOW;

    private final JdbcTemplate jdbc;
    private final app.funnel.statistics.LeadCounts tally;
    private final app.funnel.base.ReadingCache<List<Bucket>> readings = new app.funnel.base.ReadingCache<>();
    private final app.funnel.base.ReadingCache<long[]> orderReadings = new app.funnel.base.ReadingCache<>();
    private final Map<String, List<String>> bounds = new java.util.concurrent.ConcurrentHashMap<>();

    private final app.funnel.base.CompanyZone zone;

    LeadSearch(JdbcTemplate jdbc, app.funnel.statistics.LeadCounts tally, app.funnel.base.CompanyZone zone) {
        this.zone = zone;
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /**
     * A page of leads in the grid's order. Pages near either end are read directly (from the far
     * end in reverse when that is nearer). Deeper pages, where the tally can place them (no text or
     * date filter, ordered by created or by status), seek to the month the page starts in and skip
     * at most that month's leads; other deep pages are read from whichever end is nearer. Either way
     * the ids come first from an index that holds the order, and the rows are joined after.
     */
    List<LeadRow> page(LeadQuery query, Pageable pageable) {
        Order order = Order.of(pageable.getSort());
        long offset = pageable.getOffset();
        int limit = pageable.getPageSize();
        List<Object> args = new ArrayList<>();
        String from = from(query, args);
        // leads that reached a step, newest first (the dashboard's drill-down): one index range per step merged
        FunnelStep reached = query.reached();
        boolean perStep = reached != null && query.status() == null && (query.text() == null || query.text().isBlank())
                && order.column().equals("created_at");
        List<String> conditions = conditions(perStep ? new LeadQuery(null, query.ownerId(), query.source(),
                query.createdFrom(), query.createdTo(), null) : query, args);
        boolean reversed = false;
        if (tallied(query) && offset > shallow) {
            List<Bucket> buckets = reading(query);
            long total = buckets.stream().mapToLong(Bucket::n).sum();
            if (offset >= total) {
                return List.of();
            }
            boolean byOrderTally = unfiltered(query) && tally.orderColumns().contains(order.column());
            boolean seekable = order.column().equals("created_at") || order.column().equals("status") || byOrderTally;
            if (total - offset <= shallow || !seekable && offset > total / 2) {
                // nearer from the other end: read the same rows in the reverse order, then turn them round
                int size = (int) Math.min(limit, total - offset);
                offset = total - offset - size;
                limit = size;
                reversed = true;
            } else if (seekable) {
                Seek seek = byOrderTally ? orderSeek(order, offset) : seek(buckets, order, offset);
                conditions.add(seek.condition());
                args.addAll(seek.args());
                offset = seek.offset();
            }
        }
        Order used = reversed ? order.reversed() : order;
        String ids = "SELECT id" + from + where(conditions) + " ORDER BY " + used.sql("") + " LIMIT ? OFFSET ?";
        if (textOnly(query) && order.column().equals("created_at")) {
            // the matches with their creation time come from the indexes alone; only the page's rows are read
            args.clear();
            ids = "SELECT id FROM (" + textMatches(query, args, true) + ") t ORDER BY " + used.sql("")
                    + " LIMIT ? OFFSET ?";
        }
        if (perStep) {
            // each step's leads in the order from their own index range, as many as the page needs; then merged
            List<String> ranges = new ArrayList<>();
            List<Object> rangeArgs = new ArrayList<>();
            String others = conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
            for (FunnelStep step : FunnelStep.values()) {
                if (!step.atLeast(reached)) {
                    continue;
                }
                ranges.add("(SELECT id, created_at FROM leads WHERE reach = " + step.code + others + " ORDER BY " + used.sql("")
                        + " LIMIT " + (offset + limit) + ")");
                rangeArgs.addAll(args);
            }
            ids = "SELECT id FROM (" + String.join(" UNION ALL ", ranges) + ") r ORDER BY " + used.sql("")
                    + " LIMIT ? OFFSET ?";
            args = rangeArgs;
        }
        args.add(limit);
        args.add(offset);
        String sql = "SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.source, l.owner_id, l.status, "
                + "l.suspect_reasons, l.first_touch_due_at, l.first_touch_at, l.created_at "
                + "FROM leads l JOIN (" + ids + ") p ON p.id = l.id ORDER BY " + used.sql("l.");
        List<LeadRow> rows = jdbc.query(sql, (rs, i) -> new LeadRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), LeadSource.valueOf(rs.getString(6)), rs.getLong(7),
                LeadStatus.valueOf(rs.getString(8)), rs.getString(9) != null,
                instant(rs, 10), instant(rs, 11), instant(rs, 12)),
                args.toArray());
        return reversed ? rows.reversed() : rows;
    }

    /**
     * Every lead matching the query, newest first, handed to the callback one row at a time as the
     * database streams them (fetch size set, so the driver does not hold the whole result).
     */
    void export(LeadQuery query, org.springframework.jdbc.core.RowCallbackHandler each) {
        List<Object> args = new ArrayList<>();
        String from = from(query, args);
        List<String> conditions = conditions(query, args);
        String sql = "SELECT l.id, l.first_name, l.last_name, l.email, l.phone, l.company, l.job_title, l.country, "
                + "l.source, l.status, u.display_name, l.suspect_reasons, l.created_at FROM leads l "
                + "JOIN (SELECT id" + from + where(conditions) + ") m ON m.id = l.id "
                + "JOIN app_user u ON u.id = l.owner_id ORDER BY l.created_at DESC, l.id DESC";
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY,
                    java.sql.ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(1_000);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, each);
    }

    /** The ids of the matching leads, lowest first, at most the limit. */
    List<Long> ids(LeadQuery query, int limit) {
        List<Object> args = new ArrayList<>();
        String from = from(query, args);
        String sql = "SELECT id" + from + where(conditions(query, args)) + " ORDER BY id LIMIT " + Math.max(0, limit);
        return jdbc.queryForList(sql, Long.class, args.toArray());
    }

    /** For tests on small data: how near an end a page is read directly. */
    void shallow(long pages) {
        this.shallow = pages;
    }

    long count(LeadQuery query) {
        if (tallied(query)) {
            return reading(query).stream().mapToLong(Bucket::n).sum();
        }
        List<Object> args = new ArrayList<>();
        if (textOnly(query)) {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM (" + textMatches(query, args, false) + ") t",
                    Long.class, args.toArray());
            return count == null ? 0 : count;
        }
        String from = from(query, args);
        Long count = jdbc.queryForObject("SELECT COUNT(*)" + from + where(conditions(query, args)), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    /** How many leads of each status match the other filters. */
    Map<LeadStatus, Long> countsByStatus(LeadQuery query) {
        Map<LeadStatus, Long> counts = new EnumMap<>(LeadStatus.class);
        for (LeadStatus status : LeadStatus.values()) {
            counts.put(status, 0L);
        }
        LeadQuery any = query.withStatus(null);
        if (tallied(any)) {
            reading(any).forEach(b -> counts.merge(b.status(), b.n(), Long::sum));
            return counts;
        }
        List<Object> args = new ArrayList<>();
        String from = from(any, args);
        jdbc.query("SELECT status, COUNT(*)" + from + where(conditions(any, args)) + " GROUP BY status",
                (java.sql.ResultSet rs) -> {
                    counts.put(LeadStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, args.toArray());
        return counts;
    }

    /**
     * Whether the lead tally answers this query's counts: no text, and created dates (if any) on
     * month bounds, as the dashboard's drill-downs give them (the tally counts per created month and
     * furthest step reached).
     */
    private static boolean tallied(LeadQuery query) {
        return (query.text() == null || query.text().isBlank())
                && (query.createdFrom() == null || query.createdFrom().getDayOfMonth() == 1)
                && (query.createdTo() == null || query.createdTo().plusDays(1).getDayOfMonth() == 1);
    }

    /** How many leads of a status were created in a month (yyyymm) under the query's filters. */
    private record Bucket(LeadStatus status, int month, long n) {
    }

    /**
     * The tally under the query's filters, by status and month: a few hundred rows, read once and
     * reused by the count, the tabs and the pages until the tally changes (or two seconds pass, for
     * changes made by another process).
     */
    private List<Bucket> reading(LeadQuery query) {
        app.funnel.statistics.LeadCounts.Filter filter = new app.funnel.statistics.LeadCounts.Filter(
                query.status() == null ? null : query.status().name(), query.ownerId(),
                query.source() == null ? null : query.source().name(), query.reached(),
                query.createdFrom() == null ? null : query.createdFrom().getYear() * 100 + query.createdFrom().getMonthValue(),
                query.createdTo() == null ? null : query.createdTo().getYear() * 100 + query.createdTo().getMonthValue());
        return readings.get(filter.toString(), tally.version(), () -> tally.buckets(filter).stream()
                .map(b -> new Bucket(LeadStatus.valueOf(b.status()), b.month(), b.n())).toList());
    }

    private static boolean unfiltered(LeadQuery query) {
        return tallied(query) && query.status() == null && query.ownerId() == null && query.source() == null
                && query.createdFrom() == null && query.createdTo() == null && query.reached() == null;
    }

    /** The name or company order tally: how many leads per bucket, cached like the tally readings. */
    private long[] orderCounts(String column) {
        return orderReadings.get(column, tally.version(), () -> tally.orderCounts(column));
    }

    private List<String> bounds(String column) {
        return bounds.computeIfAbsent(column, tally::bounds);
    }

    /**
     * Where a page of the unfiltered name or company order starts: the bucket (a range of values
     * between two bounds) holding the offset, and the offset left within it.
     */
    private Seek orderSeek(Order order, long offset) {
        String column = order.column();
        List<String> columnBounds = bounds(column);
        long[] counts = orderCounts(column);
        int last = columnBounds.size();
        long before = 0;
        for (int i = 0; i <= last; i++) {
            int k = order.ascending() ? i : last - i;
            if (offset < before + counts[k]) {
                if (order.ascending()) {
                    return k == 0 ? new Seek("TRUE", List.of(), offset - before)
                            : new Seek(column + " >= ?", List.of(columnBounds.get(k - 1)), offset - before);
                }
                String nulls = column.equals("company") ? " OR company IS NULL" : "";
                return k == last ? new Seek("TRUE", List.of(), offset - before)
                        : new Seek("(" + column + " < ?" + nulls + ")", List.of(columnBounds.get(k)), offset - before);
            }
            before += counts[k];
        }
        return new Seek("FALSE", List.of(), 0);
    }

    /** Where a page starts: the month bucket holding the offset, as a condition, and the offset left within it. */
    private record Seek(String condition, List<Object> args, long offset) {
    }

    private Seek seek(List<Bucket> buckets, Order order, long offset) {
        boolean byStatus = order.column().equals("status");
        // created descending, or (when ordered by status) newest first within each status
        boolean createdDescending = byStatus == order.ascending();
        java.util.Comparator<Bucket> months = java.util.Comparator.comparingInt(Bucket::month);
        if (createdDescending) {
            months = months.reversed();
        }
        List<Bucket> ordered;
        if (byStatus) {
            // statuses in their names' order, as the database sorts these upper-case ASCII names
            java.util.Comparator<Bucket> statuses = java.util.Comparator.comparing(b -> b.status().name());
            ordered = buckets.stream().sorted((order.ascending() ? statuses : statuses.reversed()).thenComparing(months))
                    .toList();
        } else {
            Map<Integer, Long> perMonth = new java.util.TreeMap<>();
            buckets.forEach(b -> perMonth.merge(b.month(), b.n(), Long::sum));
            ordered = perMonth.entrySet().stream().map(e -> new Bucket(LeadStatus.NEW, e.getKey(), e.getValue()))
                    .sorted(months).toList();
        }
        long before = 0;
        for (Bucket bucket : ordered) {
            if (offset < before + bucket.n()) {
                int month = bucket.month();
                java.time.YearMonth start = java.time.YearMonth.of(month / 100, month % 100);
                String created = createdDescending ? "created_at < ?" : "created_at >= ?";
                Object bound = Utc.of(zone.startOf(createdDescending ? start.plusMonths(1) : start));
                if (!byStatus) {
                    return new Seek(created, List.of(bound), offset - before);
                }
                String status = bucket.status().name();
                String beyond = order.ascending() ? "status > ?" : "status < ?";
                return new Seek("(" + beyond + " OR (status = ? AND " + created + "))",
                        List.of(status, status, bound), offset - before);
            }
            before += bucket.n();
        }
        // past the end (the caller checks the total first)
        return new Seek("FALSE", List.of(), 0);
    }

    /**
     * The leads {@link DuplicateRule} finds alike: the candidates come from the keys' indexes (the
     * same e-mail key, phone, name at the company, or the same company), the rule says what each is.
     * Certain duplicates first, then newest first.
     */
    List<DuplicateLead> duplicates(DuplicateRule.Person person, @org.jspecify.annotations.Nullable Long exclude) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (person.emailKey() != null) {
            conditions.add("SELECT id FROM leads WHERE email_key = ?");
            args.add(person.emailKey());
        }
        if (person.phone() != null) {
            conditions.add("SELECT id FROM leads WHERE phone = ?");
            args.add(person.phone());
        }
        if (person.companyKey() != null) {
            conditions.add("SELECT id FROM leads WHERE name_key = ? AND company_key = ?");
            args.add(ContactCheck.nameKey(person.firstName(), person.lastName()));
            args.add(person.companyKey());
            // for the similar names: the company's newest leads
            conditions.add("SELECT id FROM leads WHERE company_key = ? ORDER BY created_at DESC LIMIT 200");
            args.add(person.companyKey());
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT id, first_name, last_name, company, status, email_key, phone, company_key, created_at "
                + "FROM leads JOIN (" + String.join(" UNION ", conditions.stream().map(c -> "(" + c + ")").toList())
                + ") candidate USING (id)" + (exclude != null ? " WHERE id <> ?" : "")
                + " ORDER BY created_at DESC LIMIT 400";
        if (exclude != null) {
            args.add(exclude);
        }
        List<DuplicateLead> found = new ArrayList<>();
        DuplicateRule.Prepared self = DuplicateRule.prepare(person);
        jdbc.query(sql, rs -> {
            var other = new DuplicateRule.Person(rs.getString(2), rs.getString(3), rs.getString(6), rs.getString(7),
                    rs.getString(8));
            var matches = DuplicateRule.compare(self, DuplicateRule.prepare(other), true);
            if (!matches.isEmpty()) {
                found.add(new DuplicateLead(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? "" : rs.getString(4), LeadStatus.valueOf(rs.getString(5)),
                        java.util.Set.copyOf(matches)));
            }
        }, args.toArray());
        return found.stream().sorted(java.util.Comparator.comparing((DuplicateLead d) -> !d.certain())).limit(20).toList();
    }

    /**
     * The FROM clause: the leads, joined with the ids whose name, last name, e-mail or company
     * starts with the text when there is one. Each column's index gives its own range and the
     * ranges are united; an OR of four LIKEs (or an IN over the union) reads the whole table.
     */
    private String from(LeadQuery query, List<Object> args) {
        if (query.text() == null || query.text().isBlank()) {
            return " FROM leads";
        }
        return " FROM leads JOIN (" + textMatches(query, args, false) + ") text_match USING (id)";
    }

    /** The ids (and creation times) of the leads whose name, last name, e-mail or company start with the text. */
    private String textMatches(LeadQuery query, List<Object> args, boolean withCreated) {
        String prefix = escape(ContactCheck.plain(java.util.Objects.requireNonNull(query.text()))) + "%";
        for (int i = 0; i < 4; i++) {
            args.add(prefix);
        }
        String select = withCreated ? "SELECT id, created_at FROM leads WHERE " : "SELECT id FROM leads WHERE ";
        return select + "name_key LIKE ? UNION " + select + "last_name LIKE ? UNION " + select + "email_key LIKE ? UNION "
                + select + "company LIKE ?";
    }

    /** A text filter and no other: the matches alone answer the count and the newest-first pages. */
    private static boolean textOnly(LeadQuery query) {
        return query.text() != null && !query.text().isBlank() && query.status() == null && query.ownerId() == null
                && query.source() == null && query.createdFrom() == null && query.createdTo() == null
                && query.reached() == null;
    }

    /** The WHERE conditions of every filter but the text (see {@link #from}). */
    private List<String> conditions(LeadQuery query, List<Object> args) {
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
        if (query.reached() != null) {
            conditions.add("reach >= ?");
            args.add(query.reached().code);
        }
        return conditions;
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

    /** A day filter's bound: the day's start in the company's zone. */
    private LocalDateTime start(LocalDate day) {
        return Utc.of(zone.startOf(day));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * A DATETIME as an instant, read as a LocalDateTime (the driver's Timestamp path builds a
     * Calendar per value, a measurable share of a page), stored in UTC.
     */
    private static java.time.@org.jspecify.annotations.Nullable Instant instant(java.sql.ResultSet rs, int column)
            throws java.sql.SQLException {
        return app.funnel.base.Utc.read(rs, column);
    }
}
