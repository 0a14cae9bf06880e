package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.base.InvalidInputException;
import app.funnel.lead.DuplicateLead;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.security.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lead quality on the labelled set ({@link LabelledLeads}), through the application on MariaDB:
 * {@code ./mvnw -Pbench verify -Dit.test=QualityBench}. Every record is saved by {@link LeadService}
 * as marketing would (duplicates confirmed, so that all are stored); the fake side reads the flags
 * each lead was stored with, the duplicate side asks {@link LeadService#duplicatesOf} for each lead
 * and counts its certain matches among the set. Prints per kind and writes
 * {@code target/bench/quality.json}.
 */
@FunnelAppTest
class QualityBench {

    @Autowired
    LeadService leads;

    @Test
    void scores_fakes_and_duplicates_through_the_application() {
        TestLogins.as("marketing", Role.MARKETING);
        List<LabelledLeads.Labelled> fakes = new LabelledLeads(LeadQualityTest.SEED).fakesAndGenuine(1_500, 120);
        // the fake side: each record saved, and stored with the flags the score counts (a record the
        // application refuses counts as not flagged)
        for (LabelledLeads.Labelled record : fakes) {
            try {
                LeadDetails saved = leads.create(record.input(), true);
                assertThat(saved.suspectReasons()).isEqualTo(app.funnel.lead.LeadFields.check(record.input()).suspect());
            } catch (InvalidInputException e) {
                // listed by the score as refused
            }
        }
        QualityScore.Fakes fakeScore = QualityScore.fakes(fakes);

        List<LabelledLeads.Record> set = new LabelledLeads(LeadQualityTest.SEED + 1).duplicates(400);
        Map<Long, Integer> index = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            long id = leads.create(set.get(i).input(), true).id();
            ids.add(id);
            index.put(id, i);
        }
        Map<Integer, Set<Integer>> same = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            same.put(i, leads.duplicatesOf(ids.get(i)).stream().filter(DuplicateLead::certain)
                    .map(d -> index.get(d.id())).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        }
        QualityScore.Pairs pairs = QualityScore.pairs(set, i -> same.getOrDefault(i, Set.of()));
        QualityScore.print(fakeScore, pairs);
        Path file = QualityScore.write(Path.of("target/bench"), "saved by LeadService on MariaDB; flags as stored, "
                + "duplicates by LeadService.duplicatesOf (certain matches among the set)", fakeScore, pairs);
        System.out.println("written " + file);
    }
}
