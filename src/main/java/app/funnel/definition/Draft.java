package app.funnel.definition;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The shared draft of one term. {@code rowVersion} is 0 when there is no draft yet (the entry
 * then is the version in force); pass it back on save so that nobody's edit is lost.
 */
public record Draft(DefinitionEntry entry, long rowVersion, @Nullable String updatedBy, @Nullable Instant updatedAt) {

    public boolean exists() {
        return rowVersion > 0;
    }
}
