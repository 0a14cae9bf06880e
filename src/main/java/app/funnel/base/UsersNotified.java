package app.funnel.base;

import java.util.Set;

/** These users got notifications, published in the transaction that stores them: their bells refresh after it. */
public record UsersNotified(Set<Long> userIds) {
}
