package app.funnel.bulk;

import app.funnel.activity.FollowUpInput;
import app.funnel.lead.DisqualificationReason;
import app.funnel.lead.LeadStatus;
import app.funnel.opportunity.LostReason;
import app.funnel.opportunity.Stage;
import app.funnel.security.Role;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a bulk action does to each row. The roles are those that may start it (each row is then
 * checked again by its feature, so a sales user's bulk disqualification refuses the SQLs of other
 * reps); {@code confirmed} are criteria of the target definition the user confirms for every row,
 * as the single change's dialog asks.
 */
public sealed interface BulkAction {

    /** The record type of the rows: leads or deals. */
    Kind kind();

    /** Who may start the action. */
    Set<Role> roles();

    /**
     * The notification kind a single change of this sort gives the row's owner, told once per
     * person at the end; none when a single change tells nobody.
     */
    @Nullable String notification();

    /** The key of the action's name, for the result and the undo ("bulk.action.REASSIGN"). */
    String nameKey();

    enum Kind {
        LEADS, DEALS
    }

    /** Leadership gives the leads to another user. */
    record ReassignLeads(long ownerId) implements BulkAction {
        public Kind kind() { return Kind.LEADS; }
        public Set<Role> roles() { return EnumSet.of(Role.LEADERSHIP, Role.ADMIN); }
        public String notification() { return "REASSIGNED"; }
        public String nameKey() { return "bulk.action.REASSIGN"; }
    }

    /** Marketing hands MQLs to sales: to one rep, or round-robin when none is given. */
    record HandOver(@Nullable Long salesOwnerId, Set<String> confirmed) implements BulkAction {
        public HandOver {
            confirmed = Set.copyOf(confirmed);
        }
        public Kind kind() { return Kind.LEADS; }
        public Set<Role> roles() { return EnumSet.of(Role.MARKETING); }
        public String notification() { return "SQL_HANDED_OVER"; }
        public String nameKey() { return "bulk.action.HAND_OVER"; }
    }

    record Disqualify(DisqualificationReason reason, @Nullable String note) implements BulkAction {
        public Kind kind() { return Kind.LEADS; }
        public Set<Role> roles() { return EnumSet.of(Role.MARKETING, Role.SALES); }
        public @Nullable String notification() { return null; }
        public String nameKey() { return "bulk.action.DISQUALIFY"; }
    }

    /** Marketing brings disqualified leads back to NEW or MQL, saying why. */
    record Recycle(LeadStatus target, String reason, Set<String> confirmed) implements BulkAction {
        public Recycle {
            confirmed = Set.copyOf(confirmed);
        }
        public Kind kind() { return Kind.LEADS; }
        public Set<Role> roles() { return EnumSet.of(Role.MARKETING); }
        public @Nullable String notification() { return null; }
        public String nameKey() { return "bulk.action.RECYCLE"; }
    }

    /** Leadership gives the deals to another sales user. */
    record ReassignDeals(long ownerId) implements BulkAction {
        public Kind kind() { return Kind.DEALS; }
        public Set<Role> roles() { return EnumSet.of(Role.LEADERSHIP, Role.ADMIN); }
        public String notification() { return "REASSIGNED"; }
        public String nameKey() { return "bulk.action.REASSIGN"; }
    }

    /** Moves deals to a stage, with the reason a move back or a loss needs. */
    record MoveStage(Stage to, @Nullable String reason, @Nullable LostReason lostReason, @Nullable String lostNote,
                     Set<String> confirmed) implements BulkAction {
        public MoveStage {
            confirmed = Set.copyOf(confirmed);
        }
        public Kind kind() { return Kind.DEALS; }
        public Set<Role> roles() { return EnumSet.of(Role.SALES, Role.LEADERSHIP); }
        public String notification() { return "DEAL_MOVED"; }
        public String nameKey() { return "bulk.action.MOVE_STAGE"; }
    }

    /** Plans the same next step on every row (assigned to each row's owner when no assignee is given). */
    record AddFollowUp(Kind kind, FollowUpInput input) implements BulkAction {
        public Set<Role> roles() { return EnumSet.of(Role.MARKETING, Role.SALES, Role.LEADERSHIP, Role.ADMIN); }
        public String notification() { return "FOLLOW_UP_ASSIGNED"; }
        public String nameKey() { return "bulk.action.FOLLOW_UP"; }
    }
}
