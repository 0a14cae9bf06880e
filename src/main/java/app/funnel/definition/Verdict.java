package app.funnel.definition;

import java.util.List;

/**
 * The enforcement service's answer to "may this record enter this status or stage?".
 *
 * @param version the definitions version the check was made against; record it with the change
 * @param unmet   the criteria not yet confirmed, in the definition's words; empty when allowed
 * @param body    the definition's text, to quote when refusing
 */
public record Verdict(Term term, int version, List<Criterion> unmet, String body) {

    public Verdict {
        unmet = List.copyOf(unmet);
    }

    public boolean allowed() {
        return unmet.isEmpty();
    }
}
