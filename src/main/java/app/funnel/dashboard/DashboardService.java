package app.funnel.dashboard;

import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.lead.LeadStatus;
import app.funnel.opportunity.Stage;
import app.funnel.statistics.FunnelFigures;
import app.funnel.statistics.FunnelState;
import app.funnel.statistics.FunnelStep;
import app.funnel.user.UserService;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.definition.DefinitionService;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
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

    private final FunnelFigures figures;
    private final DefinitionService definitions;
    private final LeadService leads;
    private final UserService users;
    private final Clock clock;

    DashboardService(FunnelFigures figures, DefinitionService definitions, LeadService leads, UserService users,
                     Clock clock) {
        this.figures = figures;
        this.definitions = definitions;
        this.leads = leads;
        this.users = users;
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
        Map<FunnelStep, Long> byReach = figures.leadsByReach(from, to, name(source), ownerId);
        FunnelStep[] steps = FunnelStep.values();
        long[] atLeast = new long[steps.length];
        long running = 0;
        for (int k = steps.length - 1; k >= 0; k--) {
            running += byReach.getOrDefault(steps[k], 0L);
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
        Map<LeadSource, long[]> bySource = new java.util.EnumMap<>(LeadSource.class);
        figures.leadsByReachAndSource(from, to, ownerId).forEach((reach, sources) -> sources.forEach((source, n) -> {
            long[] counts = bySource.computeIfAbsent(LeadSource.valueOf(source), k -> new long[3]);
            counts[0] += n;
            if (reach.atLeast(FunnelStep.OPPORTUNITY)) {
                counts[1] += n;
            }
            if (reach.atLeast(FunnelStep.WON)) {
                counts[2] += n;
            }
        }));
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
        return figures.pipeline(Stage.LIFECYCLE, from, to, name(source), ownOrAsked(ownerId)).stream()
                .map(p -> new PipelineRow(p.month(), p.currency(), p.deals(), p.amount(), p.weighted())).toList();
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
        // the first arrivals the lifecycles count, and the wins
        List<FunnelStep> lines = new ArrayList<>();
        for (var lifecycle : List.of(LeadStatus.LIFECYCLE, Stage.LIFECYCLE)) {
            lifecycle.countedSteps().stream().sorted().filter(s -> all || s.code < FunnelStep.OPPORTUNITY.code)
                    .forEach(lines::add);
        }
        if (all) {
            lines.add(FunnelStep.WON);
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        lines.forEach(step -> counts.put(step.name(), new long[months.size()]));
        List<FunnelFigures.Event> kinds = all ? List.of(FunnelFigures.Event.REACHED, FunnelFigures.Event.WON)
                : List.of(FunnelFigures.Event.REACHED);
        for (FunnelFigures.Count c : figures.events(kinds, true, from, to, name(source), ownerId)) {
            long[] line = counts.get(c.event() == FunnelFigures.Event.WON ? FunnelStep.WON.name() : c.stage());
            int index = (c.month() / 100 * 12 + c.month() % 100) - (from.getYear() * 12 + from.getMonthValue());
            if (line != null && index >= 0 && index < line.length) {
                line[index] += c.n();
            }
        }
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
        LeadStatus.LIFECYCLE.names(FunnelState::working).forEach(stage -> histograms.put(stage, new TreeMap<>()));
        Stage.LIFECYCLE.names(FunnelState::working).forEach(stage -> histograms.put(stage, new TreeMap<>()));
        for (FunnelFigures.Count c : figures.events(List.of(FunnelFigures.Event.STAY), false, from, to, name(source),
                ownOrAsked(ownerId))) {
            histograms.computeIfAbsent(c.stage(), k -> new TreeMap<>()).merge(c.bucket(), c.n(), Long::sum);
        }
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
        List<FunnelFigures.Event> closed = List.of(FunnelFigures.Event.WON, FunnelFigures.Event.LOST);
        for (FunnelFigures.Count c : figures.events(closed, true, from, to, name(source), owner)) {
            long[] month = byMonth.get(YearMonth.of(c.month() / 100, c.month() % 100));
            if (month != null) {
                month[c.event() == FunnelFigures.Event.WON ? 0 : 1] += c.n();
            }
        }
        Map<Long, long[]> byOwner = new TreeMap<>();
        for (FunnelFigures.Count c : figures.eventsPerOwner(closed, from, to, name(source), owner)) {
            byOwner.computeIfAbsent(c.ownerId(), k -> new long[2])[c.event() == FunnelFigures.Event.WON ? 0 : 1] += c.n();
        }
        Map<Long, String> names = users.displayNames();
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
        figures.events(List.of(FunnelFigures.Event.LOST), false, from, to, name(source), ownOrAsked(ownerId))
                .forEach(c -> reasons.merge(c.stage(), c.n(), Long::sum));
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
        long overdueNow = leads.overdueSqls(ownerId, source);
        long[] counts = new long[3];
        TreeMap<Integer, Long> touch = new TreeMap<>();
        for (FunnelFigures.Count c : figures.events(List.of(FunnelFigures.Event.HANDOFF, FunnelFigures.Event.RETURNED,
                FunnelFigures.Event.TOUCH), false, from, to, name(source), ownerId)) {
            switch (c.event()) {
                case HANDOFF -> counts[0] += c.n();
                case RETURNED -> counts[1] += c.n();
                default -> {
                    counts[2] += c.n();
                    touch.merge(c.bucket(), c.n(), Long::sum);
                }
            }
        }
        Double median = counts[2] == 0 ? null : (double) percentile(touch, counts[2], 0.5);
        return new Handoff(overdueNow, counts[0], counts[2], median, counts[1], latestReturns(from, to, source, ownerId));
    }

    /** The latest returns to marketing in the period, newest first; by the SQL's owner (only the owner may return). */
    private List<Handoff.Return> latestReturns(YearMonth from, YearMonth to, @Nullable LeadSource source,
                                               @Nullable Long ownerId) {
        String by = null;
        if (ownerId != null) {
            by = users.usernameOf(ownerId).orElse(null);
            if (by == null) {
                return List.of();
            }
        }
        List<FunnelFigures.Return> returns = figures.latestReturns(LeadStatus.LIFECYCLE, from, to, name(source), by, 6);
        Map<Long, String> names = leads.names(returns.stream().map(FunnelFigures.Return::leadId).toList());
        if (returns.isEmpty()) {
            return List.of();
        }
        Map<String, String> returners = users.displayNamesByUsername();
        return returns.stream().map(r -> new Handoff.Return(r.leadId(), names.getOrDefault(r.leadId(), "#" + r.leadId()),
                returners.getOrDefault(r.by(), r.by()), r.at(), r.reason() == null ? "" : r.reason())).toList();
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
        return me.userId() != null ? me.userId() : users.me().id();
    }

    /** Marketing sees the funnel up to SQL: what becomes of the leads after the handoff is sales'. */
    private static int visibleSteps() {
        CurrentUser me = CurrentUser.require();
        if (me.has(Role.LEADERSHIP) || me.has(Role.ADMIN)) {
            return FunnelStep.values().length;
        }
        return FunnelStep.SQL.ordinal() + 1;
    }

    private static @Nullable String name(@Nullable LeadSource source) {
        return source == null ? null : source.name();
    }
}
