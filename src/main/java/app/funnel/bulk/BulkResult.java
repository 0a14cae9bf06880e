package app.funnel.bulk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a bulk action did: how many rows it was asked to change, how many it changed, the rows it
 * refused with their reason, and the undo (none when nothing changed).
 */
public record BulkResult(String nameKey, int asked, int changed, List<Refusal> refused, @Nullable BulkUndo undo) {

    public BulkResult {
        refused = List.copyOf(refused);
    }

    /**
     * A row the action left as it was, and why: a translation key with its arguments, as the single
     * change would have said it.
     */
    public record Refusal(long id, String name, String messageKey, List<Object> arguments) {

        public Refusal {
            arguments = List.copyOf(arguments);
        }
    }
}
