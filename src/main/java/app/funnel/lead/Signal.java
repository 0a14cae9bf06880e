package app.funnel.lead;

import java.time.Instant;

/** An interest signal of a lead and when it happened. */
public record Signal(SignalKind kind, Instant occurredAt) {
}
