package app.funnel.lead;

import app.funnel.statistics.FunnelStep;
import app.funnel.definition.TransitionRefusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.definition.Criterion;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
@org.junit.jupiter.api.Tag("dates")
class LeadServiceIT {

    @Autowired
    LeadService leads;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    app.funnel.definition.DefinitionService definitions;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void marketing_logs_a_lead_with_its_phone_in_e164_and_a_history_row() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("João", "Ávila", "joao.avila@ibm.com", "(11) 97654-3281", "BR"));
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.phone()).isEqualTo("+5511976543281");
        assertThat(lead.suspect()).isFalse();
        assertThat(lead.ownerId()).isEqualTo(users.byUsername("marketing").orElseThrow().id());
        assertThat(jdbc.queryForList("SELECT to_stage FROM stage_change WHERE record_type = 'LEAD' AND record_id = ?",
                String.class, lead.id())).containsExactly("NEW");
        assertThat(leads.get(lead.id()).firstName()).isEqualTo("João");
    }

    @Test
    void a_fake_looking_lead_is_saved_with_its_flags() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("Test", "Asdf", "x@mailinator.com", null, null));
        assertThat(lead.suspectReasons()).contains(SuspectReason.PLACEHOLDER_NAME, SuspectReason.THROWAWAY_EMAIL_DOMAIN);
    }

    @Test
    void bad_contact_data_is_refused_on_its_field() {
        TestLogins.as("marketing", Role.MARKETING);
        assertRefused(input("Ana", "Lima", "ana@", null, null), "email");
        assertRefused(input("Ana", "Lima", null, "12", "BR"), "phone");
        assertRefused(input("Ana", "Lima", "ana@lima.com.br", null, "XX"), "country");
        assertRefused(input("Ana", "Lima", null, null, null), "email");
        assertRefused(input(" ", "Lima", "ana@lima.com.br", null, null), "firstName");
    }

    @Test
    void the_lifecycle_follows_the_definitions_and_records_the_version_checked() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("Vera", "Vaz", "vera.vaz@ibm.com", null, null));

        assertThatThrownBy(() -> leads.qualify(lead.id(), lead.version()))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.verdict().unmet())
                        .extracting(Criterion::code).containsExactly("engaged-with-marketing"));
        leads.confirmCriteria(lead.id(), List.of("engaged-with-marketing"));
        LeadDetails mql = leads.qualify(lead.id(), lead.version());
        assertThat(mql.status()).isEqualTo(LeadStatus.MQL);

        assertThatThrownBy(() -> leads.handOver(mql.id(), mql.version(), null))
                .isInstanceOf(TransitionRefusedException.class);
        leads.confirmCriteria(mql.id(), List.of("asked-to-become-customer", "fits-icp"));
        long sales = users.byUsername("sales").orElseThrow().id();
        // any other criteria a published version may have added meanwhile
        confirmWhatIsMissing(mql.id());
        LeadDetails sql = leads.handOver(mql.id(), mql.version(), sales);
        assertThat(sql.status()).isEqualTo(LeadStatus.SQL);
        assertThat(sql.ownerId()).isEqualTo(sales);
        assertThat(sql.firstTouchDueAt()).isNotNull();

        TestLogins.as("sales", Role.SALES);
        LeadDetails accepted = leads.accept(sql.id(), sql.version());
        assertThat(accepted.firstTouchAt()).isNotNull();
        LeadDetails returned = leads.returnToMarketing(accepted.id(), accepted.version(), "Not the decision maker");
        assertThat(returned.status()).isEqualTo(LeadStatus.MQL);
        assertThat(returned.ownerId()).isEqualTo(users.byUsername("marketing").orElseThrow().id());

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT from_stage, to_stage, changed_by, reason, "
                + "definition_version FROM stage_change WHERE record_type = 'LEAD' AND record_id = ? ORDER BY id", lead.id());
        assertThat(rows).extracting(r -> r.get("to_stage")).containsExactly("NEW", "MQL", "SQL", "MQL");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("definition_version")).isNotNull());
        assertThat(rows.get(3).get("reason")).isEqualTo("Not the decision maker");
        assertThat(rows.get(3).get("changed_by")).isEqualTo("sales");
    }

    @Test
    void sales_cannot_work_leads_before_the_handoff_and_marketing_cannot_accept() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("Rui", "Reis", "rui@reis.pt", null, "PT"));
        TestLogins.as("sales", Role.SALES);
        assertThatThrownBy(() -> leads.update(lead.id(), lead.version(), input("X", "Y", "x@y.com", null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leads.disqualify(lead.id(), lead.version(), DisqualificationReason.NOT_A_FIT, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leads.qualify(lead.id(), lead.version())).isInstanceOf(AccessDeniedException.class);
        TestLogins.as("marketing", Role.MARKETING);
        assertThatThrownBy(() -> leads.accept(lead.id(), lead.version())).isInstanceOf(AccessDeniedException.class);
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThatThrownBy(() -> leads.create(input("A", "B", "a@b.com", null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void disqualifying_needs_a_reason_and_a_note_for_other_and_recycling_brings_it_back() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("Test", "Test", "t@example.com", null, null));
        assertThatThrownBy(() -> leads.disqualify(lead.id(), lead.version(), DisqualificationReason.OTHER, " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("note"));
        LeadDetails fake = leads.disqualify(lead.id(), lead.version(), DisqualificationReason.FAKE_OR_INVALID_CONTACT,
                null);
        assertThat(fake.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(fake.disqualificationReason()).isEqualTo(DisqualificationReason.FAKE_OR_INVALID_CONTACT);
        LeadDetails back = leads.recycle(fake.id(), fake.version(), LeadStatus.NEW, "Called back: real person");
        assertThat(back.status()).isEqualTo(LeadStatus.NEW);
        assertThat(back.disqualificationReason()).isNull();
    }

    @Test
    void a_stale_save_is_refused_naming_who_changed_the_lead() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("Ivo", "Neves", "ivo@neves.com", null, null));
        leads.update(lead.id(), lead.version(), input("Ivo", "Neves", "ivo@neves.com.br", null, null));
        assertThatThrownBy(() -> leads.update(lead.id(), lead.version(), input("Ivo", "N", "ivo@n.com", null, null)))
                .isInstanceOfSatisfying(ConcurrentChangeException.class,
                        e -> assertThat(e.changedBy()).isEqualTo("marketing"));
        assertThat(leads.get(lead.id()).email()).isEqualTo("ivo@neves.com.br");
    }

    @Test
    void without_a_chosen_owner_the_handoff_goes_round_robin_among_sales_users() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("Lia", "Lobo", "lia@lobo.com", null, null));
        leads.confirmCriteria(lead.id(), List.of("engaged-with-marketing"));
        confirmWhatIsMissing(lead.id());
        LeadDetails mql = leads.qualify(lead.id(), lead.version());
        leads.confirmCriteria(mql.id(), List.of("asked-to-become-customer", "fits-icp"));
        confirmWhatIsMissing(mql.id());
        LeadDetails sql = leads.handOver(mql.id(), mql.version(), null);
        assertThat(users.enabledWithRole(Role.SALES)).extracting(u -> u.id()).contains(sql.ownerId());
    }

    @Test
    void interest_signals_are_kept_with_their_time_and_not_in_the_future() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("Sara", "Sena" + System.nanoTime(), "sara" + System.nanoTime()
                + "@sena.com", null, null));
        java.time.Instant lastWeek = java.time.Instant.now().minus(java.time.Duration.ofDays(7));
        leads.addSignal(lead.id(), SignalKind.NEWSLETTER_SIGNUP, lastWeek);
        List<Signal> signals = leads.addSignal(lead.id(), SignalKind.CONTACT_FORM, null);
        assertThat(signals).extracting(Signal::kind).containsExactly(SignalKind.NEWSLETTER_SIGNUP,
                SignalKind.CONTACT_FORM);
        assertThatThrownBy(() -> leads.addSignal(lead.id(), SignalKind.DEMO_REQUEST,
                java.time.Instant.now().plus(java.time.Duration.ofDays(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("signal"));
        TestLogins.as("sales", Role.SALES);
        assertThatThrownBy(() -> leads.addSignal(lead.id(), SignalKind.FREE_TRIAL, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(leads.signals(lead.id())).hasSize(2);
    }

    @Test
    void leadership_reassigns_an_owner_and_marketing_may_not() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("Caio", "Cruz" + System.nanoTime(), "caio" + System.nanoTime()
                + "@cruz.com", null, null));
        long camila = users.byUsername("camila").orElseThrow().id();
        long sales = users.byUsername("sales").orElseThrow().id();
        assertThatThrownBy(() -> leads.reassign(lead.id(), lead.version(), camila))
                .isInstanceOf(AccessDeniedException.class);
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThatThrownBy(() -> leads.reassign(lead.id(), lead.version(), sales))
                .as("a NEW lead to someone who cannot work it").isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lead.error.owner-role-marketing"));
        assertThat(leads.reassign(lead.id(), lead.version(), camila).ownerId()).isEqualTo(camila);
    }

    @Test
    void the_funnel_step_a_deal_reached_is_written_only_by_the_deals_feature() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(input("Rui", "Reis" + System.nanoTime(), "rui" + System.nanoTime()
                + "@reis.com", null, null));
        TestLogins.as("sales", Role.SALES);
        assertThatThrownBy(() -> leads.reached(lead.id(), FunnelStep.WON)).isInstanceOf(AccessDeniedException.class);
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThatThrownBy(() -> leads.reached(lead.id(), FunnelStep.WON)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT reach FROM leads WHERE id = ?", Integer.class, lead.id()))
                .isEqualTo(FunnelStep.LEAD.code);
    }

    @Test
    void likely_duplicates_stop_the_save_until_confirmed() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails first = leads.create(new LeadInput("Beatriz", "Melo", "bea.melo" + tag + "@gmail.com",
                "+55 31 98888-" + tag.substring(tag.length() - 4), "Mineração Melo " + tag, null, "BR",
                LeadSource.EVENT, null, null));

        assertThatThrownBy(() -> leads.create(new LeadInput("Bea", "M", "Bea.Melo" + tag + "+crm@gmail.com",
                null, null, null, null, LeadSource.EVENT, null, null)))
                .isInstanceOfSatisfying(DuplicatesFoundException.class, e -> assertThat(e.duplicates())
                        .singleElement().satisfies(d -> {
                            assertThat(d.id()).isEqualTo(first.id());
                            assertThat(d.matches()).containsExactly(DuplicateRule.Match.EMAIL);
                        }));
        // the same phone and the same name, one typo in the last name: the same person
        assertThatThrownBy(() -> leads.create(new LeadInput("Beatriz", "Mello", null,
                "(31) 98888-" + tag.substring(tag.length() - 4), null, null, "BR", LeadSource.EVENT, null, null)))
                .isInstanceOfSatisfying(DuplicatesFoundException.class, e -> assertThat(e.duplicates().getFirst()
                        .matches()).contains(DuplicateRule.Match.PHONE_AND_NAME));
        // the same phone only (the company's switchboard, a home line): saved, and shown as sharing a phone
        LeadDetails colleague = leads.create(new LeadInput("Outra", "Pessoa", null,
                "(31) 98888-" + tag.substring(tag.length() - 4), null, null, "BR", LeadSource.EVENT, null, null));
        assertThat(leads.duplicatesOf(colleague.id())).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(first.id());
            assertThat(d.matches()).containsExactly(DuplicateRule.Match.SHARES_PHONE);
            assertThat(d.certain()).isFalse();
        });
        assertThatThrownBy(() -> leads.create(new LeadInput("BEATRIZ", "Mélo", "other" + tag + "@melo.com", null,
                "mineracao melo " + tag, null, null, LeadSource.EVENT, null, null)))
                .isInstanceOfSatisfying(DuplicatesFoundException.class, e -> assertThat(e.duplicates().getFirst()
                        .matches()).contains(DuplicateRule.Match.NAME_AND_COMPANY));

        LeadDetails anyway = leads.create(new LeadInput("Bea", "M", "Bea.Melo" + tag + "+crm@gmail.com", null, null,
                null, null, LeadSource.EVENT, null, null), true);
        assertThat(anyway.id()).isNotEqualTo(first.id());
    }

    @Test
    void a_lead_shows_the_chain_of_referrals_that_led_to_it_and_whom_it_referred() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails vp = leads.create(input("Vera", "Paz" + tag, "vp" + tag + "@ibm.com", null, null));
        LeadDetails director = leads.create(new LeadInput("Dario", "Dias" + tag, "dd" + tag + "@ibm.com", null, "IBM",
                null, null, LeadSource.REFERRAL, vp.id(), null));
        LeadDetails buyer = leads.create(new LeadInput("Bruno", "Braga" + tag, "bb" + tag + "@ibm.com", null, "IBM",
                null, null, LeadSource.REFERRAL, director.id(), null));

        assertThat(leads.referralChain(buyer.id())).extracting(LeadDetails::id).containsExactly(vp.id(), director.id());
        assertThat(leads.referredBy(vp.id())).extracting(LeadDetails::id).containsExactly(director.id());
        assertThatThrownBy(() -> leads.update(vp.id(), vp.version(), new LeadInput("Vera", "Paz" + tag,
                "vp" + tag + "@ibm.com", null, "IBM", "VP", null, LeadSource.WEBSITE_FORM, vp.id(), null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("referredById"));
    }

    @Test
    void a_merged_duplicate_leaves_its_history_signals_criteria_and_referrals_with_the_survivor() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails survivor = leads.create(new LeadInput("Carla", "Cruz" + tag, "carla" + tag + "@cruz.com", null,
                null, null, null, LeadSource.EVENT, null, null));
        LeadDetails duplicate = leads.create(new LeadInput("Carla", "Cruz" + tag, "CARLA" + tag + "@cruz.com",
                "+55 11 97777-" + tag.substring(tag.length() - 4), "Cruz Engenharia", "CFO", "BR",
                LeadSource.NEWSLETTER, null, "met at the fair"), true);
        LeadDetails referred = leads.create(new LeadInput("Rita", "Rosa" + tag, "rita" + tag + "@rosa.com", null, null,
                null, null, LeadSource.REFERRAL, duplicate.id(), null));
        leads.addSignal(duplicate.id(), SignalKind.EVENT_VISIT, null);
        leads.confirmCriteria(duplicate.id(), List.of("engaged-with-marketing"));
        assertThat(leads.duplicatesOf(survivor.id())).extracting(DuplicateLead::id).contains(duplicate.id());

        TestLogins.as("sales", Role.SALES);
        assertThatThrownBy(() -> leads.merge(survivor.id(), survivor.version(), duplicate.id(), duplicate.version()))
                .isInstanceOf(AccessDeniedException.class);
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThatThrownBy(() -> leads.merge(survivor.id(), survivor.version(), duplicate.id(), duplicate.version()))
                .isInstanceOf(AccessDeniedException.class);

        TestLogins.as("marketing", Role.MARKETING);
        assertThatThrownBy(() -> leads.merge(survivor.id(), survivor.version() + 1, duplicate.id(), duplicate.version()))
                .isInstanceOf(ConcurrentChangeException.class);
        LeadDetails merged = leads.merge(survivor.id(), survivor.version(), duplicate.id(), duplicate.version());

        assertThat(merged.email()).isEqualTo("carla" + tag + "@cruz.com");
        assertThat(merged.phone()).isEqualTo("+5511977770000".substring(0, 10) + tag.substring(tag.length() - 4));
        assertThat(merged.company()).isEqualTo("Cruz Engenharia");
        assertThat(merged.notes()).isEqualTo("met at the fair");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE id = ?", Integer.class, duplicate.id()))
                .isZero();
        assertThat(leads.history(survivor.id())).extracting(e -> e.to()).containsExactly("NEW", "NEW");
        assertThat(leads.signals(survivor.id())).extracting(Signal::kind).containsExactly(SignalKind.EVENT_VISIT);
        assertThat(definitions.confirmations(app.funnel.definition.RecordRef.lead(survivor.id())))
                .extracting(c -> c.code()).contains("engaged-with-marketing");
        assertThat(leads.get(referred.id()).referredById()).isEqualTo(survivor.id());
        assertThat(leads.fieldHistory(survivor.id())).extracting(FieldChange::field)
                .contains("phone", "company", "notes", "merged");
    }

    @Test
    void marketing_merges_a_duplicate_it_already_disqualified() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails survivor = leads.create(input("Dina", "Duarte" + tag, "dina" + tag + "@duarte.com", null, null));
        LeadDetails duplicate = leads.create(input("Dina", "Duarte" + tag, "DINA" + tag + "@duarte.com", null, null),
                true);
        LeadDetails out = leads.disqualify(duplicate.id(), duplicate.version(), DisqualificationReason.DUPLICATE, null);
        leads.merge(survivor.id(), survivor.version(), out.id(), out.version());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE id = ?", Integer.class, out.id())).isZero();
        assertThat(leads.history(survivor.id())).extracting(e -> e.to()).containsExactly("NEW", "NEW", "DISQUALIFIED");
    }

    @Test
    void marketing_cannot_merge_away_a_disqualified_lead_that_sales_holds() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails survivor = leads.create(input("Edu", "Eiras" + tag, "edu" + tag + "@eiras.com", null, null));
        LeadDetails duplicate = leads.create(input("Edu", "Eiras" + tag, "EDU" + tag + "@eiras.com", null, null), true);
        LeadDetails out = leads.disqualify(duplicate.id(), duplicate.version(), DisqualificationReason.DUPLICATE, null);
        TestLogins.as("leadership", Role.LEADERSHIP);
        LeadDetails salesHolds = leads.reassign(out.id(), out.version(), users.byUsername("sales").orElseThrow().id());
        TestLogins.as("camila", Role.MARKETING);
        assertThatThrownBy(() -> leads.merge(survivor.id(), survivor.version(), salesHolds.id(), salesHolds.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE id = ?", Integer.class, out.id())).isOne();
    }

    @Test
    void field_and_owner_changes_are_kept_with_who_and_when() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails lead = leads.create(new LeadInput("Hugo", "Horta" + tag, "hugo" + tag + "@horta.com", null, null,
                null, null, LeadSource.EVENT, null, null));
        LeadDetails edited = leads.update(lead.id(), lead.version(), new LeadInput("Hugo", "Horta" + tag,
                "hugo" + tag + "@horta.com", null, "Horta SA", "CEO", null, LeadSource.PARTNER, null, null));
        TestLogins.as("leadership", Role.LEADERSHIP);
        long camila = users.byUsername("camila").orElseThrow().id();
        leads.reassign(edited.id(), edited.version(), camila);

        List<FieldChange> changes = leads.fieldHistory(lead.id());
        assertThat(changes).extracting(FieldChange::field, FieldChange::oldValue, FieldChange::newValue, FieldChange::changedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("company", null, "Horta SA", "marketing"),
                        org.assertj.core.groups.Tuple.tuple("jobTitle", null, "CEO", "marketing"),
                        org.assertj.core.groups.Tuple.tuple("source", "EVENT", "PARTNER", "marketing"),
                        org.assertj.core.groups.Tuple.tuple("owner", "Márcia Marketing", "Camila Campos", "leadership"));
        assertThatThrownBy(() -> leads.reassign(lead.id(), leads.get(lead.id()).version(), 999_999L))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("owner"));
    }

    @Test
    void a_recycled_lead_can_come_back_as_an_mql_when_the_definition_allows() {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = String.valueOf(System.nanoTime());
        LeadDetails lead = leads.create(input("Ivo", "Ilha" + tag, "ivo" + tag + "@ilha.com", null, null));
        LeadDetails out = leads.disqualify(lead.id(), lead.version(), DisqualificationReason.NO_INTEREST, null);
        assertThatThrownBy(() -> leads.recycle(out.id(), out.version(), LeadStatus.MQL, "Asked for a demo after all"))
                .isInstanceOf(TransitionRefusedException.class);
        confirmWhatIsMissing(lead.id());
        LeadDetails back = leads.recycle(out.id(), out.version(), LeadStatus.MQL, "Asked for a demo after all");
        assertThat(back.status()).isEqualTo(LeadStatus.MQL);
        assertThat(leads.history(lead.id()).getLast().reason()).isEqualTo("Asked for a demo after all");
    }

    private void confirmWhatIsMissing(long id) {
        // other tests publish definitions versions with extra criteria; confirm whatever is asked now
        for (var term : List.of(app.funnel.definition.Term.MQL, app.funnel.definition.Term.SQL)) {
            var entry = definitions.entry(definitions.currentVersion(), term);
            leads.confirmCriteria(id, entry.criteria().stream().map(Criterion::code).toList());
        }
    }

    private void assertRefused(LeadInput input, String field) {
        assertThatThrownBy(() -> leads.create(input))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static LeadInput input(String first, String last, String email, String phone, String country) {
        return new LeadInput(first, last, email, phone, "IBM", "VP", country, LeadSource.WEBSITE_FORM, null, null);
    }
}
