package app.funnel.mywork;

import app.funnel.activity.FollowUpService;
import app.funnel.base.CompanyZone;
import app.funnel.importing.ImportService;
import app.funnel.importing.ImportSummary;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadStatus;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.Stage;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Puts together My work from the features that own each part, in the company's time zone (today,
 * this week, this month are the company's). Every part is read through its feature's service,
 * with that service's access rules.
 */
@Service
// one read-only transaction for all of My work: the features' services join it
@org.springframework.transaction.annotation.Transactional(readOnly = true)
public class MyWorkService {

    /** An SQL whose deadline is this near is listed before it passes. */
    static final Duration NEAR = Duration.ofHours(4);
    static final int LINES = 10;

    private final LeadService leads;
    private final OpportunityService deals;
    private final FollowUpService followUps;
    private final ImportService imports;
    private final UserService users;
    private final CompanyZone zone;
    private final Clock clock;

    MyWorkService(LeadService leads, OpportunityService deals, FollowUpService followUps, ImportService imports,
                  UserService users, CompanyZone zone, Clock clock) {
        this.leads = leads;
        this.deals = deals;
        this.followUps = followUps;
        this.imports = imports;
        this.users = users;
        this.zone = zone;
        this.clock = clock;
    }

    /** When I last saw My work (null the first time); from now on, now. Called once per visit. */
    @org.springframework.transaction.annotation.Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public @Nullable Instant visit() {
        return users.myWorkSeen().orElse(null);
    }

    /** My work now; what arrived after {@code since} counts as new. */
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public MyWork load(@Nullable Instant since) {
        CurrentUser me = CurrentUser.require();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone.id());
        Instant endOfToday = zone.startOf(today.plusDays(1));
        Instant endOfWeek = zone.startOf(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        Instant newSince = since != null ? since : now.minus(Duration.ofDays(7));

        boolean sales = me.has(Role.SALES);
        boolean marketing = me.has(Role.MARKETING);
        boolean leadership = me.has(Role.LEADERSHIP) || me.has(Role.ADMIN);
        boolean anyRole = sales || marketing || leadership;

        List<LeadService.SqlLine> sqlsDue = sales ? leads.mySqlsDueBefore(now.plus(NEAR), LINES) : List.of();
        List<LeadService.SqlLine> handedOver = sales ? leads.handedOverToMeSince(newSince, LINES) : List.of();
        YearMonth month = YearMonth.from(today);
        List<OpportunityService.DealLine> closing = sales
                ? deals.myClosingBetween(month.atDay(1), month.atEndOfMonth(), LINES) : List.of();
        List<OpportunityService.DealLine> stale = sales ? deals.myStale(LINES) : List.of();
        var mine = anyRole ? followUps.mineDueBefore(endOfWeek, 3 * LINES) : List.<app.funnel.activity.FollowUpEntry>of();

        List<MyWork.Returned> returned = List.of();
        List<ImportSummary> finished = List.of();
        if (marketing) {
            var back = leads.returnedToMeSince(newSince, LINES);
            Map<Long, String> names = leads.names(back.stream().map(r -> r.recordId()).toList());
            Map<String, String> people = users.displayNamesByUsername();
            returned = back.stream().map(r -> new MyWork.Returned(r.recordId(), names.getOrDefault(r.recordId(),
                    "#" + r.recordId()), people.getOrDefault(r.by(), r.by()), r.at(), r.reason())).toList();
            finished = imports.history().stream()
                    .filter(i -> i.startedBy().equals(me.username()) && i.finishedAt() != null
                            && i.finishedAt().isAfter(newSince))
                    .limit(LINES).toList();
        }

        List<MyWork.TeamLine> team = List.of();
        if (leadership) {
            Map<Long, Long> sqls = leads.overdueSqlsByOwner();
            Map<Long, Long> steps = followUps.overdueByAssignee();
            Map<Long, String> names = users.displayNames();
            Set<Long> people = new TreeSet<>(sqls.keySet());
            people.addAll(steps.keySet());
            team = new ArrayList<>(people.stream().map(id -> new MyWork.TeamLine(id, names.getOrDefault(id, "#" + id),
                    sqls.getOrDefault(id, 0L), steps.getOrDefault(id, 0L))).toList());
            team.sort(java.util.Comparator.comparingLong((MyWork.TeamLine t) -> t.overdueSqls() + t.overdueFollowUps())
                    .reversed().thenComparing(MyWork.TeamLine::name));
        }

        Set<String> noNextStep = new HashSet<>();
        String leadType = LeadStatus.LIFECYCLE.recordType();
        String dealType = Stage.LIFECYCLE.recordType();
        Set<Long> sqlIds = new HashSet<>();
        sqlsDue.forEach(l -> sqlIds.add(l.id()));
        handedOver.forEach(l -> sqlIds.add(l.id()));
        Set<Long> withStep = followUps.withOpenFollowUp(leadType, sqlIds);
        sqlIds.stream().filter(id -> !withStep.contains(id)).forEach(id -> noNextStep.add(leadType + ":" + id));
        Set<Long> dealIds = new HashSet<>();
        closing.forEach(d -> dealIds.add(d.id()));
        stale.forEach(d -> dealIds.add(d.id()));
        Set<Long> dealsWithStep = followUps.withOpenFollowUp(dealType, dealIds);
        dealIds.stream().filter(id -> !dealsWithStep.contains(id)).forEach(id -> noNextStep.add(dealType + ":" + id));

        return new MyWork(since, now, endOfToday, sqlsDue, mine, closing, stale, handedOver, returned, finished, team,
                Set.copyOf(noNextStep));
    }
}
