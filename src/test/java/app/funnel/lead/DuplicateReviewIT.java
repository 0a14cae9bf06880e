package app.funnel.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

@FunnelAppTest
class DuplicateReviewIT {

    @Autowired
    LeadService leads;
    @Autowired
    DuplicateReview review;
    @Autowired
    DuplicateScan scan;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;
    @Autowired
    app.funnel.definition.DefinitionService definitions;

    @AfterEach
    void reset() {
        scan.chunkSize(DuplicateScan.CHUNK);
        SecurityContextHolder.clearContext();
    }

    private LeadDetails lead(String first, String last, String email, String phone, String company) {
        return leads.create(new LeadInput(first, last, email, phone, company, null, "BR", LeadSource.EVENT, null, null),
                true);
    }

    private Set<Long> groupOf(long id) {
        return review.groups().stream().filter(g -> g.members().stream().anyMatch(m -> m.id() == id)).findFirst()
                .map(g -> Set.copyOf(g.members().stream().map(DuplicateReview.Member::id).toList())).orElse(Set.of());
    }

    @Test
    void a_full_scan_stopped_half_way_resumes_after_a_restart_and_finds_the_groups_of_every_lead() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        String end = tag.substring(tag.length() - 4);
        // stored before the scan: the same mailbox twice, and a switchboard shared by two colleagues
        LeadDetails ana = lead("Ana", "Quaresma" + tag, "ana.quaresma" + tag + "@gmail.com", null, null);
        LeadDetails again = lead("Ana", "Q.", "Ana.Quaresma" + tag + "+crm@gmail.com", null, null);
        LeadDetails rui = lead("Rui", "Prates" + tag, null, "(11) 3003-" + end, "Banco " + tag);
        LeadDetails eva = lead("Eva", "Lobo" + tag, null, "(11) 3003-" + end, "Banco " + tag + " S.A.");
        LeadDetails same = lead("Eva", "Lobo" + tag, "eva" + tag + "@banco.com", null, "BANCO " + tag);

        // started as the button does, without its first run (this test runs the chunks itself)
        scan.start("marketing");
        scan.chunkSize(3);
        scan.fullChunks(1);
        DuplicateReview.Progress half = review.progress();
        assertThat(half.running()).isTrue();
        assertThat(half.done()).isEqualTo(3);
        assertThat(half.total()).isGreaterThanOrEqualTo(5);

        // a new node, or the same after a restart: the scan's place is in the database
        DuplicateScan restarted = new DuplicateScan(jdbc, transaction, clock);
        restarted.work(Duration.ofMinutes(2));
        DuplicateReview.Progress done = review.progress();
        assertThat(done.running()).isFalse();
        assertThat(done.finishedAt()).isNotNull();
        assertThat(done.done()).isEqualTo(done.total());

        assertThat(groupOf(ana.id())).containsExactlyInAnyOrder(ana.id(), again.id());
        // the same name at the same company (its legal form aside) is one person; the colleague is not
        assertThat(groupOf(eva.id())).containsExactlyInAnyOrder(eva.id(), same.id());
        assertThat(groupOf(rui.id())).isEmpty();
        DuplicateReview.Group group = review.groups().stream().filter(g -> g.members().stream()
                .anyMatch(m -> m.id() == ana.id())).findFirst().orElseThrow();
        assertThat(group.matches()).containsExactly(DuplicateRule.Match.EMAIL);
        assertThat(group.confidence()).isEqualTo(99);
        assertThat(group.certain()).isTrue();
    }

    @Test
    void after_a_full_scan_new_and_changed_leads_are_checked_and_a_dismissed_group_never_comes_back() {
        TestLogins.as("marketing", Role.MARKETING);
        review.startScan();
        scan.work(Duration.ofMinutes(2));
        assertThat(review.progress().running()).isFalse();
        // a lead stamped in the future (another node's clock ahead, a test's) does not stop the check of later changes
        String tag = String.valueOf(System.nanoTime());
        LeadDetails ahead = lead("Ida", "Adiante" + tag, "ida" + tag + "@adiante.com", null, null);
        jdbc.update("UPDATE leads SET updated_at = ? WHERE id = ?",
                app.funnel.base.Utc.of(clock.instant().plus(Duration.ofDays(3))), ahead.id());
        scan.work(Duration.ofSeconds(30));

        LeadDetails first = lead("Caio", "Sarmento" + tag, "caio" + tag + "@sarmento.com", "(21) 2555-" + tag.substring(tag.length() - 4), null);
        LeadDetails second = lead("Caio", "Sarmentto" + tag, null, "(21) 2555-" + tag.substring(tag.length() - 4), null);
        scan.work(Duration.ofSeconds(30));
        assertThat(groupOf(first.id())).containsExactlyInAnyOrder(first.id(), second.id());

        // changed so that they no longer match: the pair goes
        LeadDetails moved = leads.update(second.id(), second.version(), new LeadInput("Caio", "Sarmentto" + tag, null,
                "(21) 2666-" + tag.substring(tag.length() - 4), null, null, "BR", LeadSource.EVENT, null, null), true);
        scan.work(Duration.ofSeconds(30));
        assertThat(groupOf(first.id())).isEmpty();

        // back again, then dismissed: a full rescan keeps it dismissed
        leads.update(moved.id(), moved.version(), new LeadInput("Caio", "Sarmentto" + tag, null,
                "(21) 2555-" + tag.substring(tag.length() - 4), null, null, "BR", LeadSource.EVENT, null, null), true);
        scan.work(Duration.ofSeconds(30));
        assertThat(groupOf(first.id())).hasSize(2);
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThat(review.dismiss(List.of(first.id(), second.id()))).isEqualTo(1);
        review.startScan();
        scan.work(Duration.ofMinutes(2));
        assertThat(groupOf(first.id())).isEmpty();
    }

    @Test
    void merging_a_group_keeps_the_most_advanced_lead_and_takes_the_others_in() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails plain = lead("Lia", "Fontes" + tag, "lia" + tag + "@fontes.com", null, "Fontes " + tag);
        LeadDetails qualified = lead("Lia", "Fontes" + tag, null, "(31) 3222-" + tag.substring(tag.length() - 4),
                "Fontes " + tag + " Ltda.");
        leads.confirmCriteria(qualified.id(), definitions.entry(definitions.currentVersion(),
                app.funnel.definition.Term.MQL).criteria().stream().map(app.funnel.definition.Criterion::code).toList());
        qualified = leads.qualify(qualified.id(), qualified.version());
        LeadDetails third = lead("LIA", "FONTES" + tag, "LIA" + tag + "@FONTES.COM", null, null);
        review.startScan();
        scan.work(Duration.ofMinutes(2));
        assertThat(groupOf(plain.id())).containsExactlyInAnyOrder(plain.id(), qualified.id(), third.id());
        DuplicateReview.Group group = review.groups().stream().filter(g -> g.members().stream()
                .anyMatch(m -> m.id() == plain.id())).findFirst().orElseThrow();
        assertThat(group.survivor().id()).isEqualTo(qualified.id());

        LeadDetails merged = review.merge(List.of(plain.id(), qualified.id(), third.id()));
        assertThat(merged.id()).isEqualTo(qualified.id());
        assertThat(merged.status()).isEqualTo(LeadStatus.MQL);
        assertThat(merged.email()).isEqualToIgnoringCase("lia" + tag + "@fontes.com");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE id IN (?, ?)", Integer.class, plain.id(),
                third.id())).isZero();
        // the pairs went with the merged leads
        assertThat(groupOf(qualified.id())).isEmpty();
    }

    @Test
    void the_suspect_leads_not_disqualified_are_listed_for_the_review() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails fake = lead("Maria", "Souza" + tag, "asdfgh" + tag.substring(tag.length() - 3) + "@gmail.com", null, null);
        assertThat(fake.suspectReasons()).contains(SuspectReason.PLACEHOLDER_MAILBOX);
        assertThat(review.suspects(0, 50)).extracting(DuplicateReview.Suspect::id).contains(fake.id());
        assertThat(review.suspectIds(10_000)).contains(fake.id());
        long before = review.suspectCount();
        leads.disqualify(fake.id(), fake.version(), DisqualificationReason.FAKE_OR_INVALID_CONTACT, null);
        assertThat(review.suspectCount()).isEqualTo(before - 1);
    }

    @Test
    void sales_does_not_review_duplicates_and_leadership_does_not_merge() {
        TestLogins.as("sales", Role.SALES);
        assertThatThrownBy(() -> review.groups()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.startScan()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.suspects(0, 10)).isInstanceOf(AccessDeniedException.class);
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThat(review.groups()).isNotNull();
        assertThatThrownBy(() -> review.merge(List.of(1L, 2L))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.mergeAllCertain()).isInstanceOf(AccessDeniedException.class);
    }
}
