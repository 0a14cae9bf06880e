package app.funnel.bulk;

import app.funnel.activity.FollowUpEntry;
import app.funnel.activity.FollowUpService;
import app.funnel.activity.WorkNames;
import app.funnel.base.BulkChanged;
import app.funnel.base.BulkScope;
import app.funnel.base.InvalidInputException;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadStatus;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.Stage;
import app.funnel.security.CurrentUser;
import app.funnel.security.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Runs a bulk action over leads or deals and undoes it. Not transactional itself: {@link BulkRunner}
 * gives each chunk of rows its transaction, and each row goes through the feature's own checked
 * call, the one a single change uses.
 */
@Service
public class BulkService {

    /** The most rows one action takes: a filter matching more is refused, to be narrowed first. */
    public static final int MAX_ROWS = 10_000;

    private static final String LEADS = LeadStatus.LIFECYCLE.recordType();
    private static final String DEALS = Stage.LIFECYCLE.recordType();

    private final LeadService leads;
    private final OpportunityService deals;
    private final FollowUpService followUps;
    private final WorkNames names;
    private final BulkRunner runner;
    private final ApplicationEventPublisher events;

    BulkService(LeadService leads, OpportunityService deals, FollowUpService followUps, WorkNames names,
                BulkRunner runner, ApplicationEventPublisher events) {
        this.leads = leads;
        this.deals = deals;
        this.followUps = followUps;
        this.names = names;
        this.runner = runner;
        this.events = events;
    }

    /**
     * Applies the action to each row, in order; progress hears how many rows are behind it after
     * each chunk.
     */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public BulkResult run(BulkAction action, List<Long> rowIds, IntConsumer progress) {
        CurrentUser me = CurrentUser.require();
        if (action.roles().stream().noneMatch(me::has)) {
            throw new AccessDeniedException("The bulk action " + action.nameKey() + " needs one of " + action.roles());
        }
        List<Long> ids = BulkRunner.distinct(rowIds);
        if (ids.isEmpty()) {
            throw new InvalidInputException("rows", "bulk.error.none");
        }
        if (ids.size() > MAX_ROWS) {
            throw new InvalidInputException("rows", "bulk.error.too-many", MAX_ROWS);
        }
        String recordType = action.kind() == BulkAction.Kind.LEADS ? LEADS : DEALS;
        BulkRunner.Outcome outcome = BulkScope.run(() -> runner.run(ids, id -> apply(action, id), progress,
                readAhead(action.kind())));
        List<BulkUndo.Step> steps = new ArrayList<>();
        outcome.done().values().forEach(done -> {
            if (done.undo() != null) {
                steps.add(done.undo());
            }
        });
        Map<Long, List<Long>> tell = whomToTell(outcome);
        if (action.notification() != null && !tell.isEmpty()) {
            events.publishEvent(new BulkChanged(action.notification(), recordType, me.username(), tell));
        }
        return new BulkResult(action.nameKey(), ids.size(), outcome.done().size(), refusals(recordType, outcome),
                steps.isEmpty() ? null : new BulkUndo(action.kind(), me.username(), steps));
    }

    /**
     * Puts back what the action changed, row by row through the checked calls, where the row is as
     * the action left it; a row changed since is refused and listed. Only who ran the action undoes it.
     */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public BulkResult undo(BulkUndo undo, IntConsumer progress) {
        CurrentUser me = CurrentUser.require();
        if (!undo.by().equals(me.username())) {
            throw new AccessDeniedException("Only who ran a bulk action undoes it");
        }
        String recordType = undo.kind() == BulkAction.Kind.LEADS ? LEADS : DEALS;
        Map<Long, BulkUndo.Step> byId = new LinkedHashMap<>();
        undo.steps().forEach(step -> byId.put(step.id(), step));
        BulkRunner.Outcome outcome = BulkScope.run(() -> runner.run(new ArrayList<>(byId.keySet()),
                id -> back(undo.kind(), byId.get(id)), progress, readAhead(undo.kind())));
        Map<Long, List<Long>> tell = whomToTell(outcome);
        if (!tell.isEmpty()) {
            events.publishEvent(new BulkChanged("REASSIGNED", recordType, me.username(), tell));
        }
        return new BulkResult("bulk.action.UNDO", byId.size(), outcome.done().size(), refusals(recordType, outcome),
                null);
    }

    /** The rows changed, per person to tell of them (one notification each). */
    private static Map<Long, List<Long>> whomToTell(BulkRunner.Outcome outcome) {
        Map<Long, List<Long>> tell = new LinkedHashMap<>();
        outcome.done().forEach((id, done) -> {
            if (done.tell() >= 0) {
                tell.computeIfAbsent(done.tell(), user -> new ArrayList<>()).add(id);
            }
        });
        return tell;
    }

    /** Loads the next rows of a chunk at once, so that each row's checked call finds its record read. */
    private java.util.function.Consumer<List<Long>> readAhead(BulkAction.Kind kind) {
        return kind == BulkAction.Kind.LEADS ? leads::readAhead : deals::readAhead;
    }

    private BulkRunner.Done apply(BulkAction action, long id) {
        return switch (action) {
            case BulkAction.ReassignLeads reassign -> {
                LeadDetails before = leads.get(id);
                LeadDetails after = leads.reassign(id, before.version(), reassign.ownerId());
                yield before.ownerId() == after.ownerId() ? new BulkRunner.Done(-1, null)
                        : new BulkRunner.Done(after.ownerId(),
                                new BulkUndo.OwnerBack(id, after.version(), before.ownerId()));
            }
            case BulkAction.HandOver handOver -> {
                LeadDetails before = confirmed(id, handOver.confirmed());
                LeadDetails after = leads.handOver(id, before.version(), handOver.salesOwnerId());
                yield new BulkRunner.Done(after.ownerId(), null);
            }
            case BulkAction.Disqualify disqualify -> {
                LeadDetails before = leads.get(id);
                leads.disqualify(id, before.version(), disqualify.reason(), disqualify.note());
                yield new BulkRunner.Done(-1, null);
            }
            case BulkAction.Recycle recycle -> {
                LeadDetails before = confirmed(id, recycle.confirmed());
                leads.recycle(id, before.version(), recycle.target(), recycle.reason());
                yield new BulkRunner.Done(-1, null);
            }
            case BulkAction.ReassignDeals reassign -> {
                OpportunityDetails before = deals.get(id);
                OpportunityDetails after = deals.reassign(id, before.version(), reassign.ownerId());
                yield before.ownerId() == after.ownerId() ? new BulkRunner.Done(-1, null)
                        : new BulkRunner.Done(after.ownerId(),
                                new BulkUndo.OwnerBack(id, after.version(), before.ownerId()));
            }
            case BulkAction.MoveStage move -> {
                if (!move.confirmed().isEmpty()) {
                    deals.confirmCriteria(id, move.confirmed());
                }
                OpportunityDetails before = deals.get(id);
                OpportunityDetails after = deals.moveStage(id, before.version(), move.to(), move.reason(),
                        move.lostReason(), move.lostNote());
                yield new BulkRunner.Done(after.ownerId(), null);
            }
            case BulkAction.AddFollowUp add -> {
                FollowUpEntry entry = followUps.add(add.kind() == BulkAction.Kind.LEADS ? LEADS : DEALS, id, add.input());
                yield new BulkRunner.Done(entry.assigneeId(), new BulkUndo.FollowUpGone(id, entry.id(), entry.version()));
            }
        };
    }

    /** The lead after the user confirmed, for it, the criteria the action's dialog listed. */
    private LeadDetails confirmed(long id, java.util.Set<String> codes) {
        if (!codes.isEmpty()) {
            leads.confirmCriteria(id, codes);
        }
        return leads.get(id);
    }

    private BulkRunner.Done back(BulkAction.Kind kind, BulkUndo.Step step) {
        return switch (step) {
            case BulkUndo.OwnerBack owner -> {
                long to = owner.ownerBefore();
                if (kind == BulkAction.Kind.LEADS) {
                    leads.reassign(owner.id(), owner.versionAfter(), to);
                } else {
                    deals.reassign(owner.id(), owner.versionAfter(), to);
                }
                yield new BulkRunner.Done(to, null);
            }
            case BulkUndo.FollowUpGone gone -> {
                followUps.delete(gone.followUpId(), gone.versionAfter());
                yield new BulkRunner.Done(-1, null);
            }
        };
    }

    private List<BulkResult.Refusal> refusals(String recordType, BulkRunner.Outcome outcome) {
        if (outcome.refused().isEmpty()) {
            return List.of();
        }
        Map<Long, String> named = names.names(recordType, outcome.refused().keySet());
        List<BulkResult.Refusal> refusals = new ArrayList<>();
        outcome.refused().forEach((id, reason) -> refusals.add(new BulkResult.Refusal(id,
                named.getOrDefault(id, "#" + id), reason.messageKey(), reason.arguments())));
        return refusals;
    }
}
