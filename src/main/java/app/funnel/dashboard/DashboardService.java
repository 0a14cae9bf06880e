package app.funnel.dashboard;

import app.funnel.lead.FunnelStep;
import app.funnel.lead.LeadSource;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures, computed on the server for the user's roles: leadership and admin see
 * the whole funnel; marketing its Lead, MQL and SQL part. Figures come from the summary tables the
 * lead and opportunity services keep in the transaction of every change (decision 0005), so a
 * figure is a sum over a few hundred rows, whatever the number of leads.
 */
@Service
public class DashboardService {

    private final JdbcTemplate jdbc;

    DashboardService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The funnel of the leads created from the first day of {@code from} to the last of {@code to}:
     * each step counts the leads that reached it or a later one, as the history rows say (a lead
     * that skipped MQL counts there; a lead returned, disqualified or whose deal was lost keeps the
     * furthest step it reached). Source and owner (the lead's owner now) narrow the cohort.
     */
    @PreAuthorize(Roles.HAS_FUNNEL)
    public Funnel funnel(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long ownerId) {
        List<Object> args = new ArrayList<>();
        args.add(month(from));
        args.add(month(to));
        StringBuilder sql = new StringBuilder(
                "SELECT reach, SUM(n) FROM lead_tally WHERE created_month BETWEEN ? AND ?");
        if (source != null) {
            sql.append(" AND source = ?");
            args.add(source.name());
        }
        if (ownerId != null) {
            sql.append(" AND owner_id = ?");
            args.add(ownerId);
        }
        sql.append(" GROUP BY reach");
        long[] atReach = new long[FunnelStep.values().length];
        jdbc.query(sql.toString(), rs -> {
            atReach[rs.getInt(1)] += rs.getLong(2);
        }, args.toArray());
        long[] atLeast = new long[atReach.length];
        long running = 0;
        for (int k = atReach.length - 1; k >= 0; k--) {
            running += atReach[k];
            atLeast[k] = running;
        }
        return Funnel.of(atLeast, visibleSteps());
    }

    /**
     * The cohort by source: how many leads each source brought in the months, and how many of them
     * became opportunities and were won (reached those steps, as in the funnel). Sources with no
     * lead are left out; the largest first.
     */
    @PreAuthorize(Roles.HAS_FUNNEL)
    public List<SourceRow> sources(YearMonth from, YearMonth to, @Nullable Long ownerId) {
        List<Object> args = new ArrayList<>(List.of(month(from), month(to)));
        String owner = "";
        if (ownerId != null) {
            owner = " AND owner_id = ?";
            args.add(ownerId);
        }
        java.util.Map<LeadSource, long[]> bySource = new java.util.EnumMap<>(LeadSource.class);
        jdbc.query("SELECT source, reach, SUM(n) FROM lead_tally WHERE created_month BETWEEN ? AND ?" + owner
                + " GROUP BY source, reach", rs -> {
            long[] counts = bySource.computeIfAbsent(LeadSource.valueOf(rs.getString(1)), k -> new long[3]);
            long n = rs.getLong(3);
            int reach = rs.getInt(2);
            counts[0] += n;
            if (reach >= FunnelStep.OPPORTUNITY.ordinal()) {
                counts[1] += n;
            }
            if (reach == FunnelStep.WON.ordinal()) {
                counts[2] += n;
            }
        }, args.toArray());
        return bySource.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new SourceRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(java.util.Comparator.comparingLong(SourceRow::leads).reversed()
                        .thenComparing(SourceRow::source))
                .toList();
    }

    /**
     * The open pipeline: deals not yet won or lost, per expected-close month in the period and per
     * currency, with their total and weighted (by probability) amounts. Leadership and admin see
     * every deal (or one owner's); sales only its own, whatever owner it asks for; marketing none.
     */
    @PreAuthorize(Roles.HAS_PIPELINE)
    public List<PipelineRow> pipeline(YearMonth from, YearMonth to, @Nullable Long ownerId) {
        CurrentUser me = CurrentUser.require();
        Long owner = ownerId;
        if (!me.has(Role.LEADERSHIP) && !me.has(Role.ADMIN)) {
            owner = me.userId() != null ? me.userId() : jdbc.queryForObject(
                    "SELECT id FROM app_user WHERE username = ?", Long.class, me.username());
        }
        List<Object> args = new ArrayList<>(List.of(month(from), month(to)));
        String ownerCondition = "";
        if (owner != null) {
            ownerCondition = " AND owner_id = ?";
            args.add(owner);
        }
        return jdbc.query("SELECT close_month, currency, SUM(n), SUM(amount), SUM(weighted) FROM opportunity_tally "
                        + "WHERE stage IN ('QUALIFICATION', 'PROPOSAL', 'QUOTE', 'NEGOTIATION') "
                        + "AND close_month BETWEEN ? AND ?" + ownerCondition
                        + " GROUP BY close_month, currency HAVING SUM(n) > 0 ORDER BY close_month, currency",
                (rs, i) -> new PipelineRow(YearMonth.of(rs.getInt(1) / 100, rs.getInt(1) % 100), rs.getString(2),
                        rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5).setScale(2, java.math.RoundingMode.HALF_UP)),
                args.toArray());
    }

    /** Marketing sees the funnel up to SQL: what becomes of the leads after the handoff is sales'. */
    private static int visibleSteps() {
        CurrentUser me = CurrentUser.require();
        if (me.has(Role.LEADERSHIP) || me.has(Role.ADMIN)) {
            return FunnelStep.values().length;
        }
        return FunnelStep.SQL.ordinal() + 1;
    }

    private static int month(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }
}
