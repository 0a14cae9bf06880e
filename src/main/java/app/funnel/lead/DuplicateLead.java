package app.funnel.lead;

import java.util.Set;

/** A lead that looks like the same person, or shares a phone or a close name with one, and why. */
public record DuplicateLead(long id, String firstName, String lastName, String company, LeadStatus status,
                            Set<DuplicateRule.Match> matches) {

    /** Whether it is the same person by {@link DuplicateRule} (a save waits for a confirmation), not only alike. */
    public boolean certain() {
        return DuplicateRule.certain(matches);
    }
}
