package app.funnel.bulk;

import java.util.List;

/**
 * How to put back what one bulk action changed: a step per changed row, each with the row's
 * version right after the action, so that a row somebody changed since is refused, not overwritten.
 * Only the user who ran the action holds it (in their screen); the rows go through the checked
 * calls again.
 */
public final class BulkUndo {

    sealed interface Step {
        long id();
    }

    /** The row had another owner before. */
    record OwnerBack(long id, long versionAfter, long ownerBefore) implements Step {
    }

    /** The action planned this follow-up. */
    record FollowUpGone(long id, long followUpId, long versionAfter) implements Step {
    }

    private final BulkAction.Kind kind;
    private final String by;
    private final List<Step> steps;

    BulkUndo(BulkAction.Kind kind, String by, List<Step> steps) {
        this.kind = kind;
        this.by = by;
        this.steps = List.copyOf(steps);
    }

    BulkAction.Kind kind() {
        return kind;
    }

    String by() {
        return by;
    }

    List<Step> steps() {
        return steps;
    }

    /** How many rows the undo would put back. */
    public int size() {
        return steps.size();
    }
}
