package app.funnel.definition;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.security.CurrentUser;
import app.funnel.security.Roles;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's definitions: every role reads them; leadership and administrators edit drafts and
 * publish versions; every user acknowledges the version in force; other features ask
 * {@link #check} before a status or stage change and record the version it answered with.
 */
@Service
public class DefinitionService {

    private static final Logger log = LoggerFactory.getLogger(DefinitionService.class);
    static final int MAX_TEXT = 20_000;
    static final int MAX_NAME = 120;
    static final int MAX_EXPLANATION = 300;
    static final int MAX_NOTE = 1_000;
    static final int MAX_SLA_HOURS = 24 * 365;

    private final DefinitionStore store;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    DefinitionService(DefinitionStore store, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public int currentVersion() {
        return store.currentVersion();
    }

    /** Every published version, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public List<PublishedVersion> versions() {
        return store.versions();
    }

    /** All terms as they read in the given version. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public Map<Term, DefinitionEntry> entries(int version) {
        Map<Term, DefinitionEntry> entries = store.entries(version);
        if (entries.isEmpty()) {
            throw new InvalidInputException("version", "definition.error.no-such-version", version);
        }
        return entries;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public DefinitionEntry entry(int version, Term term) {
        return entries(version).get(term);
    }

    /** The shared draft of a term, or the version in force when nobody has started one. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public Draft draft(Term term) {
        return store.draft(term).orElseGet(() -> new Draft(store.entries(store.currentVersion()).get(term), 0, null, null));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public List<Term> draftTerms() {
        return store.draftTerms();
    }

    /**
     * Saves the shared draft of a term. {@code expectedRowVersion} is the one the editor loaded
     * (0 when there was no draft); when someone saved in between, nothing is written and the
     * exception names them, so the editor can reload and apply their change again.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public Draft saveDraft(DefinitionEntry input, long expectedRowVersion) {
        DefinitionEntry entry = validate(input);
        String by = CurrentUser.require().username();
        Instant now = clock.instant();
        Optional<Draft> existing = store.draft(entry.term());
        if (existing.isEmpty()) {
            if (expectedRowVersion != 0) {
                // the draft this editor had was published or discarded meanwhile
                throw new ConcurrentChangeException("The draft of " + entry.term(), "someone else", now);
            }
            try {
                store.insertDraft(entry, by, now);
            } catch (DuplicateKeyException e) {
                Draft other = store.draft(entry.term()).orElseThrow();
                throw new ConcurrentChangeException("The draft of " + entry.term(), other.updatedBy(), other.updatedAt());
            }
        } else if (!store.updateDraft(entry, expectedRowVersion, by, now)) {
            Draft other = existing.get();
            throw new ConcurrentChangeException("The draft of " + entry.term(), other.updatedBy(), other.updatedAt());
        }
        return store.draft(entry.term()).orElseThrow();
    }

    @Transactional
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public void discardDraft(Term term) {
        store.deleteDraft(term);
    }

    /**
     * Publishes every draft as version N+1: drafted terms take their draft, the others are carried
     * over unchanged. The drafts are then gone.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public PublishedVersion publish(String changeNote) {
        String note = app.funnel.base.Texts.clean(changeNote == null ? "" : changeNote.strip(), "note");
        if (note.isEmpty()) {
            throw new InvalidInputException("changeNote", "definition.error.note-required");
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException("changeNote", "field.too-long", MAX_NOTE);
        }
        List<Draft> drafts = store.lockDrafts();
        if (drafts.isEmpty()) {
            throw new InvalidInputException("changeNote", "definition.error.nothing-to-publish");
        }
        for (Draft draft : drafts) {
            validate(draft.entry());
        }
        int current = store.currentVersion();
        int next = current + 1;
        String by = CurrentUser.require().username();
        try {
            store.insertVersion(next, by, clock.instant(), note);
        } catch (DuplicateKeyException e) {
            throw new ConcurrentChangeException("The definitions", "someone else (version " + next + ")", clock.instant());
        }
        Map<Term, DefinitionEntry> previous = store.entries(current);
        for (Term term : Term.values()) {
            Optional<Draft> draft = drafts.stream().filter(d -> d.entry().term() == term).findFirst();
            DefinitionEntry entry = draft.map(Draft::entry).orElse(previous.get(term));
            store.insertEntry(next, entry, draft.isPresent() && !entry.equals(previous.get(term)));
        }
        store.deleteAllDrafts();
        log.info("Definitions version {} published by {}: {}", next, by, note);
        events.publishEvent(new VersionPublished(next, by, note));
        return store.version(next).orElseThrow();
    }

    /** Every term side by side in two versions. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public List<TermComparison> compare(int from, int to) {
        Map<Term, DefinitionEntry> a = entries(from);
        Map<Term, DefinitionEntry> b = entries(to);
        List<TermComparison> result = new ArrayList<>();
        for (Term term : Term.values()) {
            result.add(new TermComparison(term, a.get(term), b.get(term)));
        }
        return result;
    }

    /** The version in force, when the current user has not acknowledged it yet. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public Optional<PublishedVersion> pendingAcknowledgement() {
        int current = store.currentVersion();
        if (store.acknowledged(CurrentUser.require().username(), current)) {
            return Optional.empty();
        }
        return store.version(current);
    }

    /** The current user says they read and accept the given version. */
    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public void acknowledge(int version) {
        if (store.version(version).isEmpty()) {
            throw new InvalidInputException("version", "definition.error.no-such-version", version);
        }
        String username = CurrentUser.require().username();
        long userId = store.userId(username)
                .orElseThrow(() -> new IllegalStateException("The logged-in user " + username + " does not exist"));
        store.acknowledge(userId, version, clock.instant());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public AcknowledgementReport acknowledgements() {
        int current = store.currentVersion();
        return new AcknowledgementReport(current, store.acknowledgements(), store.sharesByRole(current));
    }

    /**
     * The enforcement rule, for the leads and opportunities features: may a record whose confirmed
     * criteria are {@code confirmedCodes} enter {@code target}? Answers against the version in force.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public Verdict check(Term target, Collection<String> confirmedCodes) {
        int version = store.currentVersion();
        return Enforcement.check(version, store.entries(version).get(target), confirmedCodes);
    }

    /**
     * Records that a criterion is confirmed on a record. The calling feature checks first that the
     * current user may change that record and says so through {@link RecordChecks}; unchecked
     * records are refused.
     */
    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public void confirm(RecordRef record, String code) {
        RecordChecks.require(record);
        store.confirm(record, code, CurrentUser.require().username(), clock.instant(), store.currentVersion());
    }

    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public void unconfirm(RecordRef record, String code) {
        RecordChecks.require(record);
        store.unconfirm(record, code);
    }

    /**
     * Gives one record's confirmed criteria to another (when two records are merged); where both
     * had a criterion confirmed, the target keeps its own confirmation.
     */
    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public void moveConfirmations(RecordRef from, RecordRef to) {
        RecordChecks.require(from);
        RecordChecks.require(to);
        store.moveConfirmations(from, to);
    }

    /** Which of the records (all of one type, like LEAD) have any criterion confirmed on them. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public java.util.Set<Long> confirmedAmong(String recordType, java.util.Collection<Long> ids) {
        return store.confirmedAmong(recordType, ids);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public List<Confirmation> confirmations(RecordRef record) {
        return store.confirmations(record);
    }

    /** Checks an entry and returns it cleaned up: trimmed texts, fixed probabilities, codes for new criteria. */
    static DefinitionEntry validate(DefinitionEntry input) {
        Term term = input.term();
        String body = app.funnel.base.Texts.clean(input.body() == null ? "" : input.body().strip(), "body");
        if (body.isEmpty()) {
            throw new InvalidInputException("body", "definition.error.body-required");
        }
        if (body.length() > MAX_TEXT) {
            throw new InvalidInputException("body", "field.too-long", MAX_TEXT);
        }
        String examples = app.funnel.base.Texts.clean(input.examples() == null ? "" : input.examples().strip(), "examples");
        if (examples.length() > MAX_TEXT) {
            throw new InvalidInputException("examples", "field.too-long", MAX_TEXT);
        }
        List<Criterion> criteria = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int position = 0;
        for (Criterion c : input.criteria()) {
            position++;
            String name = CriteriaCodec.oneLine(c.name() == null ? "" : c.name());
            String explanation = CriteriaCodec.oneLine(c.explanation() == null ? "" : c.explanation());
            if (name.isEmpty()) {
                throw new InvalidInputException("criteria", "definition.error.criterion-name-required", position);
            }
            if (name.length() > MAX_NAME) {
                throw new InvalidInputException("criteria", "definition.error.criterion-name-too-long", position, MAX_NAME);
            }
            if (explanation.length() > MAX_EXPLANATION) {
                throw new InvalidInputException("criteria", "definition.error.criterion-explanation-too-long",
                        position, MAX_EXPLANATION);
            }
            String code = c.code() == null || c.code().isBlank() ? codeFor(name) : CriteriaCodec.oneLine(c.code());
            String unique = code;
            for (int n = 2; codes.contains(unique); n++) {
                unique = code + "-" + n;
            }
            codes.add(unique);
            criteria.add(new Criterion(unique, name, explanation));
        }
        Integer probability = input.probability();
        if (term.isOpenStage()) {
            if (probability == null || probability < 0 || probability > 99) {
                throw new InvalidInputException("probability", "definition.error.probability-range");
            }
        } else {
            probability = term.fixedProbability();
        }
        Integer sla = input.slaHours();
        if (term.hasSla()) {
            if (sla == null) {
                throw new InvalidInputException("slaHours", "definition.error.sla-required");
            }
            if (sla < 0 || sla > MAX_SLA_HOURS) {
                throw new InvalidInputException("slaHours", "definition.error.sla-range", MAX_SLA_HOURS);
            }
        } else {
            sla = null;
        }
        return new DefinitionEntry(term, body, examples, criteria, probability, sla);
    }

    /** A stable key from a criterion's name: lower case, accents dropped, dashes between words. */
    static String codeFor(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (plain.isEmpty()) {
            plain = "criterion";
        }
        return plain.length() > 50 ? plain.substring(0, 50) : plain;
    }
}
