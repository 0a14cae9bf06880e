package app.funnel.importing;

/** What an import does with a row that matches an existing lead. */
public enum DuplicateChoice {
    /** Leaves the existing lead alone and does not import the row. */
    SKIP,
    /** Writes the row's values into the existing lead (while marketing works it: New or MQL). */
    UPDATE,
    /** Creates a new lead anyway. */
    CREATE
}
