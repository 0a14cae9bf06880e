package app.funnel.lead;

import java.util.Set;

/** A lead that looks like the same person, and why. */
public record DuplicateLead(long id, String firstName, String lastName, String company, LeadStatus status,
                            Set<Match> matches) {

    public enum Match { EMAIL, PHONE, NAME_AND_COMPANY }
}
