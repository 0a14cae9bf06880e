package app.funnel.importing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An import as the history and the progress bar show it. */
public record ImportSummary(long id, String fileName, long bytes, String encoding, String delimiter,
                            DuplicateChoice duplicates, String startedBy, Instant startedAt,
                            @Nullable Instant finishedAt, ImportStatus status, int total, int processed, int created,
                            int updated, int skipped, int failed, @Nullable String message,
                            @Nullable String undoneBy, @Nullable Instant undoneAt, @Nullable Integer undoRemoved,
                            @Nullable Integer undoReverted, @Nullable Integer undoKept) {

    /** Share of the rows handled, 0 to 1. */
    public double progress() {
        return total == 0 ? 1 : Math.min(1, processed / (double) total);
    }
}
