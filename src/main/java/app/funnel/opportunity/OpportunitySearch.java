package app.funnel.opportunity;

import app.funnel.base.Utc;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The opportunity grid's and board's queries in SQL: ids first from an index in the grid's order,
 * then the rows with their account's name; totals per currency in one GROUP BY.
 */
@Repository
class OpportunitySearch {

    private static final Map<String, String> SORTS = Map.of(
            "expectedClose", "expected_close",
            "amount", "amount",
            "name", "name",
            "stage", "stage");

    /** Pages this near either end are read directly; deeper ones from the nearer end or the close month. */
    static final long SHALLOW = 5_000;

    private final JdbcTemplate jdbc;
    private final app.funnel.statistics.DealCounts tally;
    private volatile long shallow = SHALLOW;
    private final app.funnel.base.ReadingCache<List<long[]>> readings = new app.funnel.base.ReadingCache<>();

    private final app.funnel.base.CompanyZone zone;

    OpportunitySearch(JdbcTemplate jdbc, app.funnel.statistics.DealCounts tally, app.funnel.base.CompanyZone zone) {
        this.zone = zone;
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /** Every deal matching the query in close-date order, streamed to the callback row by row. */
    void export(OpportunityQuery query, org.springframework.jdbc.core.RowCallbackHandler each) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT o.id, o.name, a.name, c.first_name, c.last_name, o.amount, o.currency, o.probability, "
                + "o.stage, o.expected_close, u.display_name, o.lost_reason, o.lost_note, o.lead_id FROM opportunity o "
                + "JOIN account a ON a.id = o.account_id JOIN contact c ON c.id = o.contact_id "
                + "JOIN app_user u ON u.id = o.owner_id" + where(conditions(query, args).stream()
                .map(c -> "o." + c).toList()) + " ORDER BY o.expected_close, o.id";
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(1_000);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, each);
    }

    /** For tests on small data: how near an end a page is read directly. */
    void shallow(long pages) {
        this.shallow = pages;
    }

    /**
     * A page in the grid's order: ids from the index that holds the order, then the rows. Deep pages
     * of the close-date order start at the month the page falls in (placed with the tally); other
     * deep pages are read from whichever end of the order is nearer.
     */
    List<OpportunityRow> page(OpportunityQuery query, Pageable pageable) {
        Order order = Order.of(pageable.getSort());
        long offset = pageable.getOffset();
        int limit = pageable.getPageSize();
        List<Object> args = new ArrayList<>();
        List<String> conditions = conditions(query, args);
        boolean reversed = false;
        if (offset > shallow && tallied(query)) {
            List<long[]> months = months(query);
            long total = months.stream().mapToLong(m -> m[1]).sum();
            if (offset >= total) {
                return List.of();
            }
            if (total - offset <= shallow || !order.column().equals("expected_close") && offset > total / 2) {
                int size = (int) Math.min(limit, total - offset);
                offset = total - offset - size;
                limit = size;
                reversed = true;
            } else if (order.column().equals("expected_close")) {
                // walk the months in the grid's direction to the one holding the offset
                List<long[]> walk = order.ascending() ? months : months.reversed();
                long before = 0;
                for (long[] month : walk) {
                    if (offset < before + month[1]) {
                        LocalDate start = LocalDate.of((int) (month[0] / 100), (int) (month[0] % 100), 1);
                        conditions.add(order.ascending() ? "expected_close >= ?" : "expected_close < ?");
                        args.add(Date.valueOf(order.ascending() ? start : start.plusMonths(1)));
                        offset -= before;
                        break;
                    }
                    before += month[1];
                }
            }
        }
        Order used = reversed ? order.reversed() : order;
        args.add(limit);
        args.add(offset);
        String sql = "SELECT o.id, o.name, a.name, o.amount, o.currency, o.expected_close, o.stage, o.probability, "
                + "o.owner_id, o.stage_changed_at, o.updated_at, o.version FROM opportunity o "
                + "JOIN (SELECT id FROM opportunity" + where(conditions) + " ORDER BY " + used.sql("")
                + " LIMIT ? OFFSET ?) p ON p.id = o.id JOIN account a ON a.id = o.account_id ORDER BY " + used.sql("o.");
        List<OpportunityRow> rows = jdbc.query(sql, OpportunitySearch::row, args.toArray());
        return reversed ? rows.reversed() : rows;
    }

    List<Long> ids(OpportunityQuery query, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT id FROM opportunity" + where(conditions(query, args)) + " ORDER BY id LIMIT " + Math.max(0, limit);
        return jdbc.queryForList(sql, Long.class, args.toArray());
    }

    long count(OpportunityQuery query) {
        if (tallied(query)) {
            return tally.count(tallyFilter(query));
        }
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM opportunity" + where(conditions(query, args));
        Long count = jdbc.queryForObject(sql, Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    List<Totals> totals(OpportunityQuery query) {
        if (tallied(query)) {
            return tally.totals(tallyFilter(query)).stream()
                    .map(t -> new Totals(t.currency(), t.deals(), t.amount(), t.weighted())).toList();
        }
        List<Object> args = new ArrayList<>();
        String sql = "SELECT currency, COUNT(*), COALESCE(SUM(amount), 0), COALESCE(SUM(amount * probability / 100), 0) "
                        + "FROM opportunity" + where(conditions(query, args)) + " GROUP BY currency ORDER BY SUM(amount) DESC";
        return jdbc.query(sql, (rs, i) -> new Totals(rs.getString(1), rs.getLong(2),
                rs.getBigDecimal(3).setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP)), args.toArray());
    }

    /**
     * How many deals close in each month (yyyymm), oldest first, under the query's filters; reused
     * until the tally changes in this process, or two seconds pass for changes made by another.
     */
    private List<long[]> months(OpportunityQuery query) {
        app.funnel.statistics.DealCounts.Filter filter = tallyFilter(query);
        return readings.get(filter.toString(), tally.version(), () -> List.copyOf(tally.months(filter)));
    }

    /** Whether the tally answers the query: no account or amount filter, close dates on month bounds. */
    private static boolean tallied(OpportunityQuery query) {
        return query.accountId() == null && query.amountMin() == null && query.amountMax() == null
                && query.changedFrom() == null && query.changedTo() == null && query.lostReason() == null
                && query.createdFrom() == null && query.createdTo() == null
                && (query.closeFrom() == null || query.closeFrom().getDayOfMonth() == 1)
                && (query.closeTo() == null || query.closeTo().plusDays(1).getDayOfMonth() == 1);
    }

    /** The query's filters as the tally has them. */
    private static app.funnel.statistics.DealCounts.Filter tallyFilter(OpportunityQuery query) {
        List<String> stages = new ArrayList<>();
        if (query.stage() != null) {
            stages.add(query.stage().name());
        }
        if (query.openOnly()) {
            List<String> open = Stage.LIFECYCLE.names(app.funnel.statistics.FunnelState::working);
            stages = stages.isEmpty() ? open : stages.stream().filter(open::contains).toList();
            if (stages.isEmpty()) {
                stages = List.of("-"); // a closed stage asked for among the open ones: none
            }
        }
        return new app.funnel.statistics.DealCounts.Filter(stages, query.ownerId(), query.currency(),
                query.source() == null ? null : query.source().name(),
                query.closeFrom() == null ? null : query.closeFrom().getYear() * 100 + query.closeFrom().getMonthValue(),
                query.closeTo() == null ? null : query.closeTo().getYear() * 100 + query.closeTo().getMonthValue());
    }

    /** The filters the deals and the tally both have. */
    private static List<String> stageAndOwner(OpportunityQuery query, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (query.stage() != null) {
            conditions.add("stage = ?");
            args.add(query.stage().name());
        }
        if (query.ownerId() != null) {
            conditions.add("owner_id = ?");
            args.add(query.ownerId());
        }
        if (query.openOnly()) {
            conditions.add("stage IN " + Stage.LIFECYCLE.sqlIn(app.funnel.statistics.FunnelState::working));
        }
        if (query.currency() != null) {
            conditions.add("currency = ?");
            args.add(query.currency());
        }
        if (query.source() != null) {
            conditions.add("source = ?");
            args.add(query.source().name());
        }
        return conditions;
    }

    /** Dates read as java.time values: the driver's Date and Timestamp paths build a Calendar per value. */
    private static OpportunityRow row(ResultSet rs, int i) throws SQLException {
        return new OpportunityRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getString(5), rs.getObject(6, LocalDate.class), Stage.valueOf(rs.getString(7)), rs.getInt(8),
                rs.getLong(9), instant(rs, 10), instant(rs, 11), rs.getLong(12));
    }

    private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        return app.funnel.base.Utc.readRequired(rs, column);
    }

    private List<String> conditions(OpportunityQuery query, List<Object> args) {
        List<String> conditions = stageAndOwner(query, args);
        if (query.accountId() != null) {
            conditions.add("account_id = ?");
            args.add(query.accountId());
        }
        if (query.changedFrom() != null) {
            conditions.add("stage_changed_at >= ?");
            args.add(app.funnel.base.Utc.of(zone.startOf(query.changedFrom())));
        }
        if (query.changedTo() != null) {
            conditions.add("stage_changed_at < ?");
            args.add(app.funnel.base.Utc.of(zone.startOf(query.changedTo().plusDays(1))));
        }
        if (query.createdFrom() != null) {
            conditions.add("created_at >= ?");
            args.add(app.funnel.base.Utc.of(zone.startOf(query.createdFrom())));
        }
        if (query.createdTo() != null) {
            conditions.add("created_at < ?");
            args.add(app.funnel.base.Utc.of(zone.startOf(query.createdTo().plusDays(1))));
        }
        if (query.lostReason() != null) {
            conditions.add("lost_reason = ?");
            args.add(query.lostReason().name());
        }

        if (query.closeFrom() != null) {
            conditions.add("expected_close >= ?");
            args.add(Date.valueOf(query.closeFrom()));
        }
        if (query.closeTo() != null) {
            conditions.add("expected_close <= ?");
            args.add(Date.valueOf(query.closeTo()));
        }
        if (query.amountMin() != null) {
            conditions.add("amount >= ?");
            args.add(query.amountMin());
        }
        if (query.amountMax() != null) {
            conditions.add("amount <= ?");
            args.add(query.amountMax());
        }
        return conditions;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** One sort column (close date by default), ties broken so that the order is total and follows an index. */
    private record Order(String column, boolean ascending) {

        static Order of(Sort sort) {
            for (Sort.Order order : sort) {
                String column = SORTS.get(order.getProperty());
                if (column != null) {
                    return new Order(column, order.isAscending());
                }
            }
            return new Order("expected_close", true);
        }

        Order reversed() {
            return new Order(column, !ascending);
        }

        String sql(String alias) {
            String direction = ascending ? "ASC" : "DESC";
            if (column.equals("stage")) {
                return alias + "stage " + direction + ", " + alias + "expected_close " + direction + ", " + alias
                        + "id " + direction;
            }
            return alias + column + " " + direction + ", " + alias + "id " + direction;
        }
    }
}
