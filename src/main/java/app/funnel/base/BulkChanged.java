package app.funnel.base;

import java.util.List;
import java.util.Map;

/**
 * A bulk action ended: whom it concerns and which of their records it changed, for one
 * notification per person instead of one per row.
 *
 * @param kind      the notification kind a single change of this sort gives (such as {@code REASSIGNED})
 * @param byUser    per user told, the ids of their records the action changed, in the action's order
 */
public record BulkChanged(String kind, String recordType, String by, Map<Long, List<Long>> byUser) {
}
