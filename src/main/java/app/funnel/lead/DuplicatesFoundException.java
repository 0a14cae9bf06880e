package app.funnel.lead;

import java.util.List;

/** Saving was stopped because likely duplicates exist; save again with the confirmation to go ahead. */
public class DuplicatesFoundException extends RuntimeException {

    private final transient List<DuplicateLead> duplicates;

    public DuplicatesFoundException(List<DuplicateLead> duplicates) {
        super(duplicates.size() + " likely duplicate lead(s)");
        this.duplicates = List.copyOf(duplicates);
    }

    public List<DuplicateLead> duplicates() {
        return duplicates;
    }
}
