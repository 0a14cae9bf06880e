package app.funnel.mywork;

import app.funnel.activity.FollowUpEntry;
import app.funnel.importing.ImportSummary;
import app.funnel.lead.LeadService;
import app.funnel.opportunity.OpportunityService;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one user has to do now; a list is empty where the user's roles give them none of it.
 *
 * @param since          the user's previous visit (what arrived after it is new), null on the first
 * @param sqlsDue        my untouched SQLs past or near their first-touch deadline, soonest first
 * @param followUps      my open follow-ups due by the end of this week, soonest first (overdue ones first)
 * @param closing        my open deals expected to close this month
 * @param stale          my open deals unchanged for longer than the stale threshold
 * @param handedOver     SQLs handed to me since my last visit
 * @param returned       leads sales returned to me since my last visit (marketing)
 * @param imports        my imports finished since my last visit (marketing)
 * @param team           overdue counts per person (leadership)
 * @param noNextStep     of the SQLs and deals listed, those without an open follow-up ("LEAD:12", "OPPORTUNITY:3")
 */
public record MyWork(@Nullable Instant since, Instant now, Instant endOfToday, List<LeadService.SqlLine> sqlsDue,
                     List<FollowUpEntry> followUps, List<OpportunityService.DealLine> closing,
                     List<OpportunityService.DealLine> stale, List<LeadService.SqlLine> handedOver,
                     List<Returned> returned, List<ImportSummary> imports, List<TeamLine> team,
                     Set<String> noNextStep) {

    /** A lead returned to marketing: which, by whom, when and why. */
    public record Returned(long leadId, String name, String by, Instant at, @Nullable String reason) {
    }

    /** One person's overdue work. */
    public record TeamLine(long userId, String name, long overdueSqls, long overdueFollowUps) {
    }

    public boolean lacksNextStep(String recordType, long id) {
        return noNextStep.contains(recordType + ":" + id);
    }
}
