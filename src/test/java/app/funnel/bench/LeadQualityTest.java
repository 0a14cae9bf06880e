package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.lead.ContactCheck;
import app.funnel.lead.DuplicateRule;
import app.funnel.lead.LeadFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lead-quality targets on the labelled set, in memory: fake flags through {@link LeadFields#check},
 * duplicates by {@link DuplicateRule} over the candidate pairs the database's keys give (the same
 * blocking as {@code LeadSearch.duplicates}). {@code QualityBench} scores the same set through the
 * database and writes {@code target/bench/quality.json}.
 */
class LeadQualityTest {

    static final long SEED = 0x5EED_2026_1204L;

    @Test
    void fakes_are_caught_with_precision_095_and_recall_090() {
        var score = QualityScore.fakes(new LabelledLeads(SEED).fakesAndGenuine(1_500, 120));
        QualityScore.print(score, QualityScore.pairs(List.of(), i -> Set.of()));
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.90);
        assertThat(score.lines()).filteredOn(l -> !l.group().startsWith("genuine"))
                .allSatisfy(l -> assertThat(l.rate()).as(l.kind()).isGreaterThanOrEqualTo(0.80));
    }

    @Test
    void duplicates_are_linked_with_pairwise_precision_098_and_recall_090() {
        List<LabelledLeads.Record> set = new LabelledLeads(SEED + 1).duplicates(400);
        var pairs = QualityScore.pairs(set, inMemory(set));
        QualityScore.print(QualityScore.fakes(List.of()), pairs);
        assertThat(pairs.precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(pairs.recall()).isGreaterThanOrEqualTo(0.90);
    }

    /** For each record, the others the rule calls the same person, among the candidates the keys find. */
    static java.util.function.Function<Integer, Set<Integer>> inMemory(List<LabelledLeads.Record> set) {
        List<DuplicateRule.Person> people = set.stream().map(r -> LeadFields.check(r.input()).person()).toList();
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            DuplicateRule.Person p = people.get(i);
            for (String key : keys(p)) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, Set<Integer>> same = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            Set<Integer> found = new HashSet<>();
            for (String key : keys(people.get(i))) {
                for (int j : blocks.get(key)) {
                    if (j != i && DuplicateRule.certain(DuplicateRule.compare(people.get(i), people.get(j)))) {
                        found.add(j);
                    }
                }
            }
            same.put(i, found);
        }
        return i -> same.getOrDefault(i, Set.of());
    }

    private static List<String> keys(DuplicateRule.Person p) {
        List<String> keys = new ArrayList<>();
        if (p.emailKey() != null) {
            keys.add("e" + p.emailKey());
        }
        if (p.phone() != null) {
            keys.add("p" + p.phone());
        }
        if (p.companyKey() != null) {
            keys.add("c" + p.companyKey());
            keys.add("n" + ContactCheck.nameKey(p.firstName(), p.lastName()) + "\u0000" + p.companyKey());
        }
        return keys;
    }
}
