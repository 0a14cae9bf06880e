package app.funnel.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deal grid's counts from the opportunity tally: how many deals, their totals per currency and
 * how many close in each month, under the filters the tally has. For the deal feature, which
 * checks access before it asks.
 */
@Component
public class DealCounts {

    /** The tally's filters; an empty stage list is every stage; months as yyyymm, inclusive. */
    public record Filter(List<String> stages, @Nullable Long ownerId, @Nullable String currency, @Nullable String source,
                         @Nullable Integer fromMonth, @Nullable Integer toMonth) {
    }

    /** Deals in one currency: how many, their amount and their weighted amount. */
    public record Total(String currency, long deals, BigDecimal amount, BigDecimal weighted) {
    }

    private final JdbcTemplate jdbc;
    private final DealTally tally;

    DealCounts(JdbcTemplate jdbc, DealTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /** Moves on with every change of the tally, so that cached readings know they are stale. */
    public long version() {
        return tally.version();
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(n), 0) FROM opportunity_tally" + where(filter, args), Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    /** Totals per currency, the largest amount first. */
    public List<Total> totals(Filter filter) {
        List<Object> args = new ArrayList<>();
        return jdbc.query("SELECT currency, SUM(n), SUM(amount), SUM(weighted) FROM opportunity_tally" + where(filter, args)
                        + " GROUP BY currency HAVING SUM(n) > 0 ORDER BY SUM(amount) DESC",
                (rs, i) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP),
                        rs.getBigDecimal(4).setScale(2, RoundingMode.HALF_UP)), args.toArray());
    }

    /** How many deals close in each month (yyyymm, n), oldest first. */
    public List<long[]> months(Filter filter) {
        List<Object> args = new ArrayList<>();
        return jdbc.query("SELECT close_month, SUM(n) FROM opportunity_tally" + where(filter, args)
                        + " GROUP BY close_month HAVING SUM(n) > 0 ORDER BY close_month",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, args.toArray());
    }

    /** The open pipeline per close month and currency (for the dashboard). */
    List<FunnelFigures.Pipeline> pipeline(Filter filter) {
        List<Object> args = new ArrayList<>();
        return jdbc.query("SELECT close_month, currency, SUM(n), SUM(amount), SUM(weighted) FROM opportunity_tally"
                        + where(filter, args) + " GROUP BY close_month, currency HAVING SUM(n) > 0 "
                        + "ORDER BY close_month, currency",
                (rs, i) -> new FunnelFigures.Pipeline(java.time.YearMonth.of(rs.getInt(1) / 100, rs.getInt(1) % 100),
                        rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP)), args.toArray());
    }

    private static String where(Filter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (!filter.stages().isEmpty()) {
            conditions.add("stage IN (" + String.join(", ", Collections.nCopies(filter.stages().size(), "?")) + ")");
            args.addAll(filter.stages());
        }
        if (filter.ownerId() != null) {
            conditions.add("owner_id = ?");
            args.add(filter.ownerId());
        }
        if (filter.currency() != null) {
            conditions.add("currency = ?");
            args.add(filter.currency());
        }
        if (filter.source() != null) {
            conditions.add("source = ?");
            args.add(filter.source());
        }
        if (filter.fromMonth() != null) {
            conditions.add("close_month >= ?");
            args.add(filter.fromMonth());
        }
        if (filter.toMonth() != null) {
            conditions.add("close_month <= ?");
            args.add(filter.toMonth());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
