package app.funnel.definition;

/**
 * Something that must be confirmed on a record before it may enter a status or stage.
 *
 * @param code        a stable key, kept when the name or explanation is edited; records confirm codes
 * @param name        what to confirm, in a few words
 * @param explanation one line saying what counts
 */
public record Criterion(String code, String name, String explanation) {
}
