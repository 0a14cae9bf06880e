package app.funnel.importing;

/** Where an import stands. */
public enum ImportStatus {
    RUNNING, DONE, FAILED, INTERRUPTED, UNDONE;

    /** Whether the import has stopped and can be undone. */
    public boolean undoable() {
        return this == DONE || this == FAILED || this == INTERRUPTED;
    }
}
