package app.funnel.definition;

/** A new version of the definitions was published, in the transaction that stores it. */
public record VersionPublished(int version, String by, String changeNote) {
}
