package app.funnel.dashboard;

import app.funnel.base.Utc;
import app.funnel.lead.FunnelStep;
import app.funnel.lead.LeadSource;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.base.StageTally;
import app.funnel.definition.DefinitionService;
import java.time.LocalDateTime;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private final DefinitionService definitions;
    private final Clock clock;

    DashboardService(JdbcTemplate jdbc, DefinitionService definitions, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.clock = clock;
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
     * currency, with their total and weighted (by probability) amounts, of deals from the source's
     * leads if one is given. Leadership and admin see
     * every deal (or one owner's); sales only its own, whatever owner it asks for; marketing none.
     */
    @PreAuthorize(Roles.HAS_PIPELINE)
    public List<PipelineRow> pipeline(YearMonth from, YearMonth to, @Nullable LeadSource source,
                                      @Nullable Long ownerId) {
        Long owner = ownOrAsked(ownerId);
        List<Object> args = new ArrayList<>(List.of(month(from), month(to)));
        String ownerCondition = "";
        if (owner != null) {
            ownerCondition = " AND owner_id = ?";
            args.add(owner);
        }
        if (source != null) {
            ownerCondition += " AND source = ?";
            args.add(source.name());
        }
        return jdbc.query("SELECT close_month, currency, SUM(n), SUM(amount), SUM(weighted) FROM opportunity_tally "
                        + "WHERE stage IN ('QUALIFICATION', 'PROPOSAL', 'QUOTE', 'NEGOTIATION') "
                        + "AND close_month BETWEEN ? AND ?" + ownerCondition
                        + " GROUP BY close_month, currency HAVING SUM(n) > 0 ORDER BY close_month, currency",
                (rs, i) -> new PipelineRow(YearMonth.of(rs.getInt(1) / 100, rs.getInt(1) % 100), rs.getString(2),
                        rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5).setScale(2, java.math.RoundingMode.HALF_UP)),
                args.toArray());
    }

    /**
     * Per month of the period: leads that first became MQLs (or went straight past MQL), first
     * became SQLs, deals opened and deals won, under the owner who held each record then; and the
     * definition versions published in the period, so that a jump can be read against them.
     * Marketing gets the MQL and SQL lines only.
     */
    @PreAuthorize(Roles.HAS_FUNNEL)
    public Trend trend(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long ownerId) {
        // history has no months to come: a period running into the future ends this month
        YearMonth thisMonth = YearMonth.now(clock);
        YearMonth last = to.isAfter(thisMonth) && !from.isAfter(thisMonth) ? thisMonth : to;
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        boolean all = visibleSteps() == FunnelStep.values().length;
        List<String> steps = all ? List.of("MQL", "SQL", "OPPORTUNITY", "WON") : List.of("MQL", "SQL");
        Map<String, long[]> counts = new LinkedHashMap<>();
        steps.forEach(step -> counts.put(step, new long[months.size()]));
        String kinds = all ? StageTally.Kind.REACHED.code + ", " + StageTally.Kind.WON.code
                : String.valueOf(StageTally.Kind.REACHED.code);
        sum("kind IN (" + kinds + ")", from, to, source, ownerId, (month, stage, bucket, n) -> {
            long[] line = counts.get("CLOSED_WON".equals(stage) ? "WON" : stage);
            int index = (month / 100 * 12 + month % 100) - (from.getYear() * 12 + from.getMonthValue());
            if (line != null && index >= 0 && index < line.length) {
                line[index] += n;
            }
        });
        List<Trend.Series> series = counts.entrySet().stream().map(e -> new Trend.Series(e.getKey(),
                java.util.Arrays.stream(e.getValue()).boxed().toList())).toList();
        List<Trend.Marker> markers = definitions.versions().stream()
                .map(v -> new Trend.Marker(YearMonth.from(v.publishedAt().atZone(clock.getZone())), v.number(),
                        v.publishedAt(), v.changedTerms(), v.changeNote()))
                .filter(m -> !m.month().isBefore(from) && !m.month().isAfter(last))
                .sorted(java.util.Comparator.comparingInt(Trend.Marker::version)).toList();
        return new Trend(List.copyOf(months), series, markers);
    }

    /**
     * Time spent in each lead status and deal stage, over the stays that ended in the period, under
     * the owner who held the record during the stay. Sales gets its own stays only.
     */
    @PreAuthorize(Roles.HAS_PIPELINE)
    public List<Velocity> velocity(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long ownerId) {
        Map<String, TreeMap<Integer, Long>> histograms = new LinkedHashMap<>();
        StageTally.WORKING.forEach(stage -> histograms.put(stage, new TreeMap<>()));
        sum("kind = " + StageTally.Kind.STAY.code, false, from, to, source, ownOrAsked(ownerId), (month, stage, bucket, n) ->
                histograms.computeIfAbsent(stage, k -> new TreeMap<>()).merge(bucket, n, Long::sum));
        List<Velocity> rows = new ArrayList<>();
        histograms.forEach((stage, histogram) -> {
            long stays = histogram.values().stream().mapToLong(Long::longValue).sum();
            rows.add(new Velocity(stage, stays, percentile(histogram, stays, 0.5) / 24.0,
                    percentile(histogram, stays, 0.8) / 24.0));
        });
        return rows;
    }

    /**
     * Won and lost deals by the month of their last close, and per owner who closed them. Sales gets
     * its own deals only.
     */
    @PreAuthorize(Roles.HAS_PIPELINE)
    public WinRate winRate(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long ownerId) {
        Long owner = ownOrAsked(ownerId);
        Map<YearMonth, long[]> byMonth = new TreeMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            byMonth.put(m, new long[2]);
        }
        String closed = "kind IN (" + StageTally.Kind.WON.code + ", " + StageTally.Kind.LOST.code + ")";
        sum(closed, from, to, source, owner, (month, stage, bucket, n) ->
                byMonth.get(YearMonth.of(month / 100, month % 100))["CLOSED_WON".equals(stage) ? 0 : 1] += n);
        Map<Long, long[]> byOwner = new TreeMap<>();
        List<Object> args = new ArrayList<>(List.of(source == null ? "" : source.name(), month(from), month(to)));
        String oneOwner = "";
        if (owner != null) {
            oneOwner = " AND owner_id = ?";
            args.add(owner);
        }
        jdbc.query("SELECT owner_id, kind, SUM(n) FROM stage_tally WHERE " + closed
                + " AND source = ? AND month BETWEEN ? AND ? AND owner_id <> 0" + oneOwner + " GROUP BY owner_id, kind",
                rs -> {
                    byOwner.computeIfAbsent(rs.getLong(1), k -> new long[2])[
                            rs.getInt(2) == StageTally.Kind.WON.code ? 0 : 1] += rs.getLong(3);
                }, args.toArray());
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.query("SELECT id, display_name FROM app_user", rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        });
        List<WinRate.Owner> owners = byOwner.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .map(e -> new WinRate.Owner(e.getKey(), names.getOrDefault(e.getKey(), "#" + e.getKey()),
                        e.getValue()[0], e.getValue()[1]))
                .sorted(java.util.Comparator.comparingLong((WinRate.Owner o) -> o.won() + o.lost()).reversed()
                        .thenComparing(WinRate.Owner::name))
                .toList();
        long won = byMonth.values().stream().mapToLong(c -> c[0]).sum();
        long lost = byMonth.values().stream().mapToLong(c -> c[1]).sum();
        return new WinRate(won, lost, byMonth.entrySet().stream()
                .map(e -> new WinRate.Month(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(), owners);
    }

    /** Deals lost in the period per lost reason, the most frequent first. Sales gets its own only. */
    @PreAuthorize(Roles.HAS_PIPELINE)
    public List<LostReasonRow> lostReasons(YearMonth from, YearMonth to, @Nullable LeadSource source,
                                           @Nullable Long ownerId) {
        Map<String, Long> reasons = new TreeMap<>();
        sum("kind = " + StageTally.Kind.LOST.code, false, from, to, source, ownOrAsked(ownerId),
                (month, stage, bucket, n) -> reasons.merge(stage, n, Long::sum));
        return reasons.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new LostReasonRow(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingLong(LostReasonRow::deals).reversed()
                        .thenComparing(LostReasonRow::reason))
                .toList();
    }

    /**
     * The handoff: SQLs past their first-touch deadline now; handoffs in the period, how many of
     * those leads were touched and the median time it took; SQLs returned to marketing in the period
     * (under the SQL's owner) with the latest reasons given.
     */
    @PreAuthorize(Roles.HAS_FUNNEL)
    public Handoff handoff(YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long ownerId) {
        List<Object> args = new ArrayList<>(List.of(app.funnel.base.Utc.of(clock.instant())));
        StringBuilder overdue = new StringBuilder("SELECT COUNT(*) FROM leads WHERE status = 'SQL' "
                + "AND first_touch_at IS NULL AND first_touch_due_at < ?");
        if (ownerId != null) {
            overdue.append(" AND owner_id = ?");
            args.add(ownerId);
        }
        if (source != null) {
            overdue.append(" AND source = ?");
            args.add(source.name());
        }
        Long overdueNow = jdbc.queryForObject(overdue.toString(), Long.class, args.toArray());
        long[] counts = new long[3];
        TreeMap<Integer, Long> touch = new TreeMap<>();
        jdbc.query("SELECT kind, bucket, SUM(n) FROM stage_tally WHERE owner_id = ? AND source = ? AND kind IN (?, ?, ?) "
                        + "AND month BETWEEN ? AND ? GROUP BY kind, bucket", rs -> {
                    int kind = rs.getInt(1);
                    long n = rs.getLong(3);
                    if (kind == StageTally.Kind.HANDOFF.code) {
                        counts[0] += n;
                    } else if (kind == StageTally.Kind.RETURNED.code) {
                        counts[1] += n;
                    } else {
                        counts[2] += n;
                        touch.merge(rs.getInt(2), n, Long::sum);
                    }
                }, ownerId == null ? 0L : ownerId, source == null ? "" : source.name(), StageTally.Kind.HANDOFF.code,
                StageTally.Kind.RETURNED.code, StageTally.Kind.TOUCH.code, month(from), month(to));
        Double median = counts[2] == 0 ? null : (double) percentile(touch, counts[2], 0.5);
        return new Handoff(overdueNow == null ? 0 : overdueNow, counts[0], counts[2], median, counts[1],
                latestReturns(from, to, source, ownerId));
    }

    /** The latest returns to marketing in the period, newest first (read backwards from the period's end). */
    private List<Handoff.Return> latestReturns(YearMonth from, YearMonth to, @Nullable LeadSource source,
                                               @Nullable Long ownerId) {
        List<Object> args = new ArrayList<>(List.of(app.funnel.base.Utc.of(from.atDay(1).atStartOfDay(clock.getZone()).toInstant()),
                app.funnel.base.Utc.of(to.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant())));
        StringBuilder sql = new StringBuilder("""
                SELECT s.record_id, CONCAT(l.first_name, ' ', l.last_name), COALESCE(u.display_name, s.changed_by),
                       s.changed_at, s.reason
                FROM stage_change s JOIN leads l ON l.id = s.record_id
                LEFT JOIN app_user u ON u.username = s.changed_by
                WHERE s.record_type = 'LEAD' AND s.to_stage = 'MQL' AND s.from_stage = 'SQL'
                  AND s.changed_at >= ? AND s.changed_at < ?""");
        if (source != null) {
            sql.append(" AND s.source = ?");
            args.add(source.name());
        }
        if (ownerId != null) {
            // the SQL's owner returned it (only the owner may)
            sql.append(" AND u.id = ?");
            args.add(ownerId);
        }
        sql.append(" ORDER BY s.changed_at DESC, s.id DESC LIMIT 6");
        return jdbc.query(sql.toString(), (rs, i) -> new Handoff.Return(rs.getLong(1), rs.getString(2),
                rs.getString(3), Utc.readRequired(rs, 4), rs.getString(5) == null ? "" : rs.getString(5)),
                args.toArray());
    }

    /** One stage_tally row summed over its slots: month, stage, bucket, count. */
    private interface TallyRow {
        void accept(int month, String stage, int bucket, long n);
    }

    private void sum(String kinds, YearMonth from, YearMonth to, @Nullable LeadSource source, @Nullable Long ownerId,
                     TallyRow row) {
        sum(kinds, true, from, to, source, ownerId, row);
    }

    /** Sums tally rows per month (or over the months: month 0), stage and bucket. */
    private void sum(String kinds, boolean byMonth, YearMonth from, YearMonth to, @Nullable LeadSource source,
                     @Nullable Long ownerId, TallyRow row) {
        String month = byMonth ? "month" : "0";
        jdbc.query("SELECT " + month + ", stage, bucket, SUM(n) FROM stage_tally WHERE owner_id = ? AND source = ? AND "
                        + kinds + " AND month BETWEEN ? AND ? GROUP BY " + (byMonth ? "month, " : "") + "stage, bucket",
                rs -> {
                    row.accept(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getLong(4));
                }, ownerId == null ? 0L : ownerId, source == null ? "" : source.name(), month(from), month(to));
    }

    /**
     * The p-th percentile of a histogram of bucket to count (nearest rank: the value at position
     * ceil(p * n) in order), 0 when it is empty.
     */
    static int percentile(java.util.SortedMap<Integer, Long> histogram, long n, double p) {
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return 0;
    }

    /** Leadership and admin see every owner's figures (or the one asked for); others only their own. */
    private @Nullable Long ownOrAsked(@Nullable Long ownerId) {
        CurrentUser me = CurrentUser.require();
        if (me.has(Role.LEADERSHIP) || me.has(Role.ADMIN)) {
            return ownerId;
        }
        return me.userId() != null ? me.userId() : jdbc.queryForObject(
                "SELECT id FROM app_user WHERE username = ?", Long.class, me.username());
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
