package app.funnel.lead;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change of a lead's field (or owner, or a merge), for the lead's history.
 *
 * @param field the field's name as in {@link LeadDetails} ({@code owner} holds display names,
 *              {@code merged} names the lead merged into this one)
 */
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue, String changedBy,
                          Instant changedAt) {
}
