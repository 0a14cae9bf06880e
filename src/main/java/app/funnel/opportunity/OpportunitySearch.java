package app.funnel.opportunity;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
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
            "stage", "stage",
            "stageChangedAt", "stage_changed_at");

    private final JdbcTemplate jdbc;

    OpportunitySearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<OpportunityRow> page(OpportunityQuery query, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        String order = order(pageable.getSort(), "");
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        String sql = "SELECT o.id, o.name, a.name, o.amount, o.currency, o.expected_close, o.stage, o.probability, "
                + "o.owner_id, o.stage_changed_at, o.updated_at, o.version FROM opportunity o "
                + "JOIN (SELECT id FROM opportunity" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?) p ON p.id = o.id "
                + "JOIN account a ON a.id = o.account_id ORDER BY " + order(pageable.getSort(), "o.");
        return jdbc.query(sql, OpportunitySearch::row, args.toArray());
    }

    long count(OpportunityQuery query) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM opportunity" + where(query, args), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    List<Totals> totals(OpportunityQuery query) {
        List<Object> args = new ArrayList<>();
        return jdbc.query("SELECT currency, COUNT(*), COALESCE(SUM(amount), 0), "
                        + "COALESCE(SUM(amount * probability / 100), 0) FROM opportunity" + where(query, args)
                        + " GROUP BY currency ORDER BY SUM(amount) DESC",
                (rs, i) -> new Totals(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3).setScale(2,
                        java.math.RoundingMode.HALF_UP), rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP)),
                args.toArray());
    }

    private static OpportunityRow row(ResultSet rs, int i) throws SQLException {
        return new OpportunityRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getString(5), rs.getDate(6).toLocalDate(), Stage.valueOf(rs.getString(7)), rs.getInt(8),
                rs.getLong(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(), rs.getLong(12));
    }

    private static String where(OpportunityQuery query, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (query.stage() != null) {
            conditions.add("stage = ?");
            args.add(query.stage().name());
        }
        if (query.ownerId() != null) {
            conditions.add("owner_id = ?");
            args.add(query.ownerId());
        }
        if (query.accountId() != null) {
            conditions.add("account_id = ?");
            args.add(query.accountId());
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
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** One sort column (close date by default), ties broken by id so that the order is total. */
    private static String order(Sort sort, String alias) {
        for (Sort.Order order : sort) {
            String column = SORTS.get(order.getProperty());
            if (column != null) {
                String direction = order.isAscending() ? "ASC" : "DESC";
                return alias + column + " " + direction + ", " + alias + "id " + direction;
            }
        }
        return alias + "expected_close ASC, " + alias + "id ASC";
    }
}
