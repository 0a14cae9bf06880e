package app.funnel.activity;

import app.funnel.security.Role;
import java.util.Set;

/**
 * A lead or deal as the rep's day sees it, with the rule of the feature that owns it about who may
 * work on it: log activities, plan follow-ups, be their assignee.
 *
 * @param recordType the owning lifecycle's record type ({@code LEAD}, {@code OPPORTUNITY})
 * @param name       what a list or a mail calls it: the person's name, the deal's name
 * @param ownerId    the record's owner
 * @param state      its status or stage, as stored
 * @param workRoles  the roles that work on it in its current state (none: only leadership)
 * @param ownerOnly  whether of those only its owner does (an SQL, a deal)
 * @param needsNextStep whether it should always have an open follow-up (an SQL, an open deal)
 */
public record WorkItem(String recordType, long id, String name, long ownerId, String state, Set<Role> workRoles,
                       boolean ownerOnly, boolean needsNextStep) {

    public WorkItem {
        workRoles = Set.copyOf(workRoles);
    }

    /** Whether this user may log on the record, plan its follow-ups or be their assignee. Leadership always may. */
    public boolean mayWork(long userId, Set<Role> roles) {
        if (roles.contains(Role.LEADERSHIP)) {
            return true;
        }
        if (roles.stream().noneMatch(workRoles::contains)) {
            return false;
        }
        return !ownerOnly || userId == ownerId;
    }

    /** Whether this user reads private notes on it (besides their author): its owner and leadership. */
    public boolean mayReadPrivate(long userId, Set<Role> roles) {
        return roles.contains(Role.LEADERSHIP) || userId == ownerId;
    }
}
