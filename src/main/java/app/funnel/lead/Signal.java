package app.funnel.lead;

import java.time.Instant;

/**
 * An interest signal of a lead and when it happened.
 *
 * @param via           the web form it came through, if any
 * @param reviewPending a web form's signal on a lead that existed before it: kept, but marketing
 *                      keeps or discards it (a public form must not write to a known person's record unseen)
 */
public record Signal(long id, SignalKind kind, Instant occurredAt, @org.jspecify.annotations.Nullable String via,
                     boolean reviewPending) {
}
