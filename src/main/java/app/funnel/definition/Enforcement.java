package app.funnel.definition;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The rule itself: a record may enter a term when every criterion of that term is confirmed. */
final class Enforcement {

    private Enforcement() {
    }

    static Verdict check(int version, DefinitionEntry entry, Collection<String> confirmedCodes) {
        Set<String> confirmed = Set.copyOf(confirmedCodes);
        List<Criterion> unmet = entry.criteria().stream().filter(c -> !confirmed.contains(c.code())).toList();
        return new Verdict(entry.term(), version, unmet, entry.body());
    }
}
