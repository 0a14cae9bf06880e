package app.funnel.definition;

import java.time.Instant;

/** A criterion confirmed on a record: which, by whom, when, under which definitions version. */
public record Confirmation(String code, String confirmedBy, Instant confirmedAt, int version) {
}
