package app.funnel.statistics;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lead grid's counts from the lead tallies: how many leads per status and created month under
 * the filters the tally has, and how many per bucket of the name and company orders (for placing a
 * deep page). For the lead feature, which checks access before it asks.
 */
@Component
public class LeadCounts {

    /** The tally's filters; months as yyyymm, inclusive; {@code reached}: that step or a later one. */
    public record Filter(@Nullable String status, @Nullable Long ownerId, @Nullable String source,
                         @Nullable FunnelStep reached, @Nullable Integer fromMonth, @Nullable Integer toMonth) {
    }

    /** How many leads of a status were created in a month (yyyymm). */
    public record Bucket(String status, int month, long n) {
    }

    private final JdbcTemplate jdbc;
    private final LeadTally tally;

    LeadCounts(JdbcTemplate jdbc, LeadTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /** Moves on with every change of the tallies, so that cached readings know they are stale. */
    public long version() {
        return tally.version();
    }

    /** The sort columns with an order tally. */
    public List<String> orderColumns() {
        return LeadTally.ORDER_COLUMNS;
    }

    /** By status and month, the months oldest first: a few hundred rows. */
    public List<Bucket> buckets(Filter filter) {
        List<Object> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("status = ?");
            args.add(filter.status());
        }
        if (filter.ownerId() != null) {
            conditions.add("owner_id = ?");
            args.add(filter.ownerId());
        }
        if (filter.source() != null) {
            conditions.add("source = ?");
            args.add(filter.source());
        }
        if (filter.reached() != null) {
            conditions.add("reach >= ?");
            args.add(filter.reached().code);
        }
        if (filter.fromMonth() != null) {
            conditions.add("created_month >= ?");
            args.add(filter.fromMonth());
        }
        if (filter.toMonth() != null) {
            conditions.add("created_month <= ?");
            args.add(filter.toMonth());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.query("SELECT status, created_month, SUM(n) FROM lead_tally" + where
                        + " GROUP BY status, created_month HAVING SUM(n) > 0 ORDER BY status, created_month",
                (rs, i) -> new Bucket(rs.getString(1), rs.getInt(2), rs.getLong(3)), args.toArray());
    }

    /** How many leads per bucket of the column's order (bucket k starts at the k-th bound). */
    public long[] orderCounts(String column) {
        long[] counts = new long[tally.bounds(column).size() + 1];
        jdbc.query("SELECT bucket, n FROM lead_order_tally WHERE sort_column = ?", (java.sql.ResultSet rs) -> {
            counts[rs.getInt(1)] += rs.getLong(2); // the bucket's slots
        }, column);
        return counts;
    }

    /** The bounds of an order's buckets: bucket k starts at the k-th bound (k = 1..); bucket 0 before the first. */
    public List<String> bounds(String column) {
        return tally.bounds(column);
    }
}
