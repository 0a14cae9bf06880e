package app.funnel.definition;

import java.time.Instant;
import java.util.List;

/** A published version of the definitions: who published it, when, why, and which terms it changed. */
public record PublishedVersion(int number, Instant publishedAt, String publishedBy, String changeNote,
                               List<Term> changedTerms) {
}
