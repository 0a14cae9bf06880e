package app.funnel.lead;

import app.funnel.statistics.FunnelStep;
import app.funnel.base.Utc;
import app.funnel.definition.TransitionRefusedException;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.statistics.HistoryMoved;
import app.funnel.statistics.LeadChanged;
import app.funnel.statistics.StageHistory;
import app.funnel.statistics.StateChanged;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.RecordRef;
import app.funnel.definition.Term;
import app.funnel.definition.Verdict;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import app.funnel.base.RefusedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads and their lifecycle. Marketing logs leads, qualifies them as MQL and hands them to sales as
 * SQL; sales accepts an SQL (the first touch), returns it to marketing or disqualifies it;
 * leadership reassigns owners. Every status change is checked against the definitions in force and
 * leaves a StageChange row with the version it was checked against.
 */
@Service
public class LeadService {

    static final String RECORD = LeadStatus.LIFECYCLE.recordType();

    private final LeadRepository leads;
    private final LeadSearch search;
    private final LeadSignals signals;
    private final DefinitionService definitions;
    private final UserService users;
    private final StageHistory history;
    private final LeadFieldLog fieldLog;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final LeadWrites writes;

    LeadService(LeadRepository leads, LeadSearch search, LeadSignals signals, DefinitionService definitions,
                UserService users, StageHistory history, LeadFieldLog fieldLog,
                org.springframework.context.ApplicationEventPublisher events, Clock clock,
                org.springframework.jdbc.core.JdbcTemplate jdbc, LeadWrites writes) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.leads = leads;
        this.search = search;
        this.signals = signals;
        this.definitions = definitions;
        this.users = users;
        this.history = history;
        this.fieldLog = fieldLog;
        this.events = events;
        this.clock = clock;
    }

    /** Logs a new lead, owned by the marketing user who enters it. */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING)
    public LeadDetails create(LeadInput input) {
        return create(input, false);
    }

    /**
     * Logs a new lead. When likely duplicates exist (same e-mail as the provider reads it, same phone,
     * or same name at the same company) and {@code duplicatesConfirmed} is false, nothing is saved
     * and {@link DuplicatesFoundException} lists them.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING)
    public LeadDetails create(LeadInput input, boolean duplicatesConfirmed) {
        CurrentUser me = CurrentUser.require();
        Lead lead = new Lead(myId(), input.source() == null ? LeadSource.OTHER : input.source(), clock.instant(),
                me.username());
        apply(lead, input);
        refuseUnconfirmedDuplicates(lead, duplicatesConfirmed);
        leads.saveAndFlush(lead);
        events.publishEvent(LeadChanged.stored(lead.facts()));
        recordState(lead.facts(), null, LeadStatus.NEW, me.username(), clock.instant(), null,
                definitions.currentVersion());
        return details(lead);
    }

    /** A page of the lead grid; everyone who works with leads reads all of them. */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<LeadRow> search(LeadQuery query, org.springframework.data.domain.Pageable pageable) {
        return search.page(query, pageable);
    }

    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public long count(LeadQuery query) {
        return search.count(query);
    }

    /**
     * The ids of the leads the grid's filters select, lowest first, at most {@code limit}: what a
     * bulk action over "all matching" works through.
     */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<Long> ids(LeadQuery query, int limit) {
        return search.ids(query, limit);
    }

    /** For the status tabs: how many leads of each status match the other filters. */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public java.util.Map<LeadStatus, Long> countsByStatus(LeadQuery query) {
        return search.countsByStatus(query);
    }

    /** The id of the logged-in user, for the "mine" filter. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public long currentUserId() {
        return myId();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public LeadDetails get(long id) {
        return details(load(id));
    }

    /**
     * Reads these leads into the current transaction in one query, so that the checked calls that
     * follow on each of them (a bulk action's rows) find them read. Returns nothing: what a caller
     * may see is still decided by each call.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public void readAhead(java.util.Collection<Long> ids) {
        leads.findAllById(ids);
    }

    /** Changes the contact data: marketing while the lead is NEW or MQL, its sales owner while it is an SQL. */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING_OR_SALES)
    public LeadDetails update(long id, long expectedVersion, LeadInput input) {
        return update(id, expectedVersion, input, false);
    }

    /** Changes the contact data; like {@link #create(LeadInput, boolean)}, likely duplicates need a confirmation. */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING_OR_SALES)
    public LeadDetails update(long id, long expectedVersion, LeadInput input, boolean duplicatesConfirmed) {
        Lead lead = loadForChange(id, expectedVersion);
        requireMayWork(lead);
        Map<String, @Nullable Object> before = fields(lead);
        apply(lead, input);
        refuseUnconfirmedDuplicates(lead, duplicatesConfirmed);
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        lead.touched(now, by);
        flush(lead);
        fields(lead).forEach((field, value) -> fieldLog.record(id, field, before.get(field), value, by, now));
        return details(lead);
    }

    /** Confirms criteria of the definitions on the lead (by whom and when is kept). */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING_OR_SALES)
    public void confirmCriteria(long id, Collection<String> codes) {
        Lead lead = load(id);
        // marketing confirms the MQL criteria of a disqualified lead it brings back as an MQL
        if (!(lead.getStatus() == LeadStatus.DISQUALIFIED && CurrentUser.require().has(Role.MARKETING))) {
            requireMayWork(lead);
        }
        app.funnel.definition.RecordChecks.checked(RecordRef.lead(id));
        for (String code : codes) {
            definitions.confirm(RecordRef.lead(id), code);
        }
    }

    /** NEW to MQL, when the MQL definition's criteria are confirmed. */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING)
    public LeadDetails qualify(long id, long expectedVersion) {
        Lead lead = loadForChange(id, expectedVersion);
        requireStatus(lead, LeadStatus.NEW);
        move(lead, LeadStatus.MQL, check(lead, Term.MQL), null);
        return details(lead);
    }

    /**
     * MQL to SQL, the handoff: the SQL definition's criteria must be confirmed; the lead goes to
     * the given sales user, or round-robin among sales users when none is given, and the
     * first-touch clock starts.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING)
    public LeadDetails handOver(long id, long expectedVersion, @Nullable Long salesOwnerId) {
        Lead lead = loadForChange(id, expectedVersion);
        requireStatus(lead, LeadStatus.MQL);
        Verdict verdict = check(lead, Term.SQL);
        List<UserSummary> sales = users.enabledWithRole(Role.SALES);
        if (sales.isEmpty()) {
            throw new InvalidInputException("owner", "lead.error.no-sales-users");
        }
        long owner;
        if (salesOwnerId != null) {
            owner = sales.stream().filter(u -> u.id() == salesOwnerId).findFirst()
                    .orElseThrow(() -> new InvalidInputException("owner", "lead.error.owner-not-sales")).id();
        } else {
            owner = nextInTurn(sales);
        }
        Instant now = clock.instant();
        Integer sla = definitions.entry(verdict.version(), Term.SQL).slaHours();
        changeOwner(lead, owner);
        lead.setHandedOverAt(now);
        lead.setFirstTouchAt(null);
        lead.setFirstTouchDueAt(now.plus(Duration.ofHours(sla == null ? 24 : sla)));
        move(lead, LeadStatus.SQL, verdict, null);
        return details(lead);
    }

    /** Sales accepts an SQL it owns: the first touch, which stops the handoff clock. */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES)
    public LeadDetails accept(long id, long expectedVersion) {
        Lead lead = loadForChange(id, expectedVersion);
        requireStatus(lead, LeadStatus.SQL);
        requireOwner(lead);
        if (lead.getFirstTouchAt() == null) {
            lead.setFirstTouchAt(clock.instant());
        }
        lead.touched(clock.instant(), CurrentUser.require().username());
        flush(lead);
        return details(lead);
    }

    /** Sales returns an SQL it owns to marketing (back to MQL), saying why. */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES)
    public LeadDetails returnToMarketing(long id, long expectedVersion, String reason) {
        Lead lead = loadForChange(id, expectedVersion);
        requireStatus(lead, LeadStatus.SQL);
        requireOwner(lead);
        String why = required(reason, "reason");
        long marketingOwner = history.lastMovedInto(LeadStatus.LIFECYCLE, id, LeadStatus.SQL)
                .flatMap(users::byUsername).map(UserSummary::id).orElse(lead.getOwnerId());
        changeOwner(lead, marketingOwner);
        lead.setFirstTouchDueAt(null);
        move(lead, LeadStatus.MQL, null, why);
        return details(lead);
    }

    /**
     * Disqualifies a lead with a reason (a note is required for OTHER): marketing while it is NEW or
     * MQL, its sales owner while it is an SQL.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING_OR_SALES)
    public LeadDetails disqualify(long id, long expectedVersion, DisqualificationReason reason, @Nullable String note) {
        Lead lead = loadForChange(id, expectedVersion);
        requireMayWork(lead);
        if (reason == null) {
            throw new InvalidInputException("reason", "lead.error.reason-required");
        }
        String text = note == null ? "" : note.strip();
        if (reason == DisqualificationReason.OTHER && text.isEmpty()) {
            throw new InvalidInputException("note", "lead.error.note-required");
        }
        if (text.length() > 1000) {
            throw new InvalidInputException("note", "field.too-long", 1000);
        }
        lead.setDisqualificationReason(reason);
        lead.setDisqualificationNote(text.isEmpty() ? null : text);
        lead.setFirstTouchDueAt(null);
        move(lead, LeadStatus.DISQUALIFIED, null, reason.name() + (text.isEmpty() ? "" : ": " + text));
        return details(lead);
    }

    /** Marketing brings a disqualified lead back, to NEW or (if the definition allows) to MQL. */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING)
    public LeadDetails recycle(long id, long expectedVersion, LeadStatus target, String reason) {
        Lead lead = loadForChange(id, expectedVersion);
        requireStatus(lead, LeadStatus.DISQUALIFIED);
        if (target != LeadStatus.NEW && target != LeadStatus.MQL) {
            throw new InvalidInputException("status", "lead.error.recycle-target");
        }
        String why = required(reason, "reason");
        Verdict verdict = target == LeadStatus.MQL ? check(lead, Term.MQL) : null;
        lead.setDisqualificationReason(null);
        lead.setDisqualificationNote(null);
        changeOwner(lead, myId());
        move(lead, target, verdict, why);
        return details(lead);
    }

    /**
     * An SQL becomes CONVERTED when its opportunity is created (by the opportunities feature, in
     * the same transaction): checked against the Opportunity definition; by its sales owner or by
     * leadership. The lead points at its opportunity from then on.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES_OR_LEADERSHIP)
    public LeadDetails convert(long id, long expectedVersion, long opportunityId) {
        Lead lead = loadForChange(id, expectedVersion);
        requireStatus(lead, LeadStatus.SQL);
        if (!CurrentUser.require().has(Role.LEADERSHIP)) {
            requireOwner(lead);
        }
        Verdict verdict = check(lead, Term.OPPORTUNITY);
        lead.setOpportunityId(opportunityId);
        if (lead.getFirstTouchAt() == null) {
            lead.setFirstTouchAt(clock.instant());
        }
        move(lead, LeadStatus.CONVERTED, verdict, null);
        return details(lead);
    }

    /** The opportunity a converted lead became, if any. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public java.util.Optional<Long> opportunityOf(long id) {
        return java.util.Optional.ofNullable(load(id).getOpportunityId());
    }

    /** Leadership gives a lead to another user. */
    @Transactional
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public LeadDetails reassign(long id, long expectedVersion, long ownerId) {
        Lead lead = loadForChange(id, expectedVersion);
        requireMayOwn(lead, ownerId);
        long before = lead.getOwnerId();
        changeOwner(lead, ownerId);
        lead.touched(clock.instant(), CurrentUser.require().username());
        flush(lead);
        if (before != ownerId) {
            events.publishEvent(new app.funnel.base.RecordReassigned(RECORD, id, before, ownerId,
                    CurrentUser.require().username()));
        }
        return details(lead);
    }

    /** The chain of referrals that led to this lead, from the first contact down to its referrer. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<LeadDetails> referralChain(long id) {
        java.util.LinkedList<LeadDetails> chain = new java.util.LinkedList<>();
        Set<Long> seen = new java.util.HashSet<>(Set.of(id));
        Long next = load(id).getReferredById();
        while (next != null && seen.add(next) && chain.size() < 50) {
            Lead referrer = load(next);
            chain.addFirst(details(referrer));
            next = referrer.getReferredById();
        }
        return List.copyOf(chain);
    }

    /** Records an interest signal (newsletter sign-up, contact form, ...) at the given time, or now. */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING_OR_SALES)
    public List<Signal> addSignal(long id, SignalKind kind, @Nullable Instant occurredAt) {
        Lead lead = load(id);
        requireMayWork(lead);
        if (kind == null) {
            throw new InvalidInputException("signal", "lead.error.signal-required");
        }
        Instant at = occurredAt == null ? clock.instant() : occurredAt;
        if (at.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("signal", "lead.error.signal-future");
        }
        signals.add(id, kind, at);
        return signals.of(id);
    }

    /**
     * Keeps or discards a web form's signal that awaits review on a lead that existed before the
     * post; marketing reviews them (whoever works the lead now may too).
     */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING_OR_SALES)
    public List<Signal> reviewSignal(long id, long signalId, boolean keep) {
        Lead lead = load(id);
        if (!CurrentUser.require().has(Role.MARKETING)) {
            requireMayWork(lead);
        }
        if (!signals.review(id, signalId, keep)) {
            throw new InvalidInputException("signal", "lead.error.signal-reviewed");
        }
        return signals.of(id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<Signal> signals(long id) {
        load(id);
        return signals.of(id);
    }

    /** The lead's status changes, oldest first, with who, when, why and the definitions version checked. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<StageHistory.Entry> history(long id) {
        load(id);
        return history.of(LeadStatus.LIFECYCLE, id);
    }

    /** The lead's field and owner changes, oldest first, with who and when (status changes are in {@link #history}). */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<FieldChange> fieldHistory(long id) {
        load(id);
        return fieldLog.of(id);
    }

    /** Other leads that are likely the same person as this one (same e-mail, phone, or name at the company). */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<DuplicateLead> duplicatesOf(long id) {
        Lead lead = load(id);
        return search.duplicates(person(lead), id);
    }

    /**
     * Merges a duplicate into the surviving lead, in one transaction: the survivor keeps its own
     * fields and takes the duplicate's where its own are empty; it gets the duplicate's status
     * history, field history, interest signals, confirmed criteria and the leads the duplicate
     * referred; then the duplicate is deleted. Whoever may work on both leads may merge them.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_MARKETING_OR_SALES)
    public LeadDetails merge(long survivorId, long survivorVersion, long duplicateId, long duplicateVersion) {
        if (survivorId == duplicateId) {
            throw new InvalidInputException("duplicate", "lead.error.merge-itself");
        }
        Lead survivor = loadForChange(survivorId, survivorVersion);
        Lead duplicate = loadForChange(duplicateId, duplicateVersion);
        requireMayMerge(survivor);
        requireMayMerge(duplicate);
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        Map<String, @Nullable Object> before = fields(survivor);
        if (survivor.getEmail() == null && duplicate.getEmail() != null) {
            survivor.setEmail(duplicate.getEmail());
            survivor.setEmailKey(duplicate.getEmailKey());
        }
        if (survivor.getPhone() == null) {
            survivor.setPhone(duplicate.getPhone());
        }
        if (survivor.getCompany() == null && duplicate.getCompany() != null) {
            survivor.setCompany(duplicate.getCompany());
            survivor.setCompanyKey(duplicate.getCompanyKey());
        }
        if (survivor.getJobTitle() == null) {
            survivor.setJobTitle(duplicate.getJobTitle());
        }
        if (survivor.getCountry() == null) {
            survivor.setCountry(duplicate.getCountry());
        }
        Long referrer = survivor.getReferredById() != null ? survivor.getReferredById() : duplicate.getReferredById();
        survivor.setReferredById(referrer == null || referrer == survivorId || referrer == duplicateId ? null : referrer);
        if (duplicate.getNotes() != null) {
            String notes = survivor.getNotes() == null ? duplicate.getNotes()
                    : survivor.getNotes() + "\n\n" + duplicate.getNotes();
            survivor.setNotes(notes.length() > 20_000 ? notes.substring(0, 20_000) : notes);
        }
        survivor.reached(duplicate.getReach());
        Set<SuspectReason> suspect = ContactCheck.suspectReasons(survivor.getFirstName(), survivor.getLastName(),
                survivor.getEmail(), survivor.getPhone());
        survivor.setSuspectReasons(SuspectReason.stored(suspect));
        survivor.touched(now, by);
        // the duplicate's referrals, signals, histories and criteria move before it goes
        leads.flush();
        leads.moveReferrals(duplicateId, survivorId);
        signals.moveAll(duplicateId, survivorId);
        events.publishEvent(new HistoryMoved(LeadStatus.LIFECYCLE, duplicateId, survivorId));
        fieldLog.moveAll(duplicateId, survivorId);
        app.funnel.definition.RecordChecks.checked(RecordRef.lead(duplicateId));
        app.funnel.definition.RecordChecks.checked(RecordRef.lead(survivorId));
        definitions.moveConfirmations(RecordRef.lead(duplicateId), RecordRef.lead(survivorId));
        events.publishEvent(LeadChanged.removed(duplicate.facts()));
        leads.delete(duplicate);
        flush(survivor);
        fields(survivor).forEach((field, value) -> fieldLog.record(survivorId, field, before.get(field), value, by, now));
        fieldLog.record(survivorId, "merged", null, "#" + duplicateId + " " + duplicate.getFirstName() + " "
                + duplicate.getLastName() + (duplicate.getEmail() == null ? "" : " <" + duplicate.getEmail() + ">"), by, now);
        return details(survivor);
    }

    /**
     * The lead's deal reached a later funnel step (Quote, Won): the lead counts there from now on,
     * also if the deal later falls back or is lost. Called by the opportunities feature when a deal
     * moves, in the same transaction.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES_OR_LEADERSHIP)
    public void reached(long id, FunnelStep step) {
        // only the deal's feature, after checking the deal's owner, in its transaction
        app.funnel.definition.RecordChecks.require(RecordRef.lead(id));
        Lead lead = load(id);
        if (lead.getReach().compareTo(step) < 0) {
            lead.reached(step);
            flush(lead);
        }
    }

    /**
     * How many SQLs are past their first-touch deadline now, untouched: of one owner and source if
     * given. From the index on status and deadline alone.
     */
    @PreAuthorize(Roles.HAS_FUNNEL) // one count: no transaction (an entity manager and a connection per call cost more than it)
    public long overdueSqls(@Nullable Long ownerId, @Nullable LeadSource source) {
        List<Object> args = new java.util.ArrayList<>(List.of(LeadStatus.SQL.name(), app.funnel.base.Utc.of(clock.instant())));
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM leads WHERE status = ? AND first_touch_at IS NULL "
                + "AND first_touch_due_at < ?");
        if (ownerId != null) {
            sql.append(" AND owner_id = ?");
            args.add(ownerId);
        }
        if (source != null) {
            sql.append(" AND source = ?");
            args.add(source.name());
        }
        Long n = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** An SQL as the rep's lists show it. */
    public record SqlLine(long id, String name, @Nullable String company, long ownerId, @Nullable Instant handedOverAt,
                          @Nullable Instant firstTouchDueAt) {
    }

    private static final String SQL_LINE = "SELECT id, CONCAT(first_name, ' ', last_name), company, owner_id, "
            + "handed_over_at, first_touch_due_at FROM leads ";

    private List<SqlLine> sqlLines(String where, Object... args) {
        return jdbc.query(SQL_LINE + where, (rs, i) -> new SqlLine(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), app.funnel.base.Utc.read(rs, 5), app.funnel.base.Utc.read(rs, 6)), args);
    }

    /** My untouched SQLs whose first-touch deadline is before the time (past or near), soonest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_SALES)
    public List<SqlLine> mySqlsDueBefore(Instant before, int limit) {
        return sqlLines("WHERE status = ? AND owner_id = ? AND first_touch_due_at < ? AND first_touch_at IS NULL "
                + "ORDER BY first_touch_due_at LIMIT ?", LeadStatus.SQL.name(), myId(), Utc.of(before), limit);
    }

    /** The SQLs handed over to me since the time, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_SALES)
    public List<SqlLine> handedOverToMeSince(Instant since, int limit) {
        return sqlLines("WHERE owner_id = ? AND handed_over_at > ? AND status = ? ORDER BY handed_over_at DESC LIMIT ?",
                myId(), Utc.of(since), LeadStatus.SQL.name(), limit);
    }

    /** The leads sales returned to me since the time, newest first, with who returned them and why. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_MARKETING)
    public List<StageHistory.Return> returnedToMeSince(Instant since, int limit) {
        return history.returnsTo(LeadStatus.LIFECYCLE, myId(), since, limit);
    }

    /** Untouched SQLs past their deadline now, per owner: leadership's view of the team. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public Map<Long, Long> overdueSqlsByOwner() {
        Map<Long, Long> counts = new java.util.HashMap<>();
        Object now = Utc.of(clock.instant());
        for (UserSummary rep : users.enabledWithRole(Role.SALES)) {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE status = ? AND owner_id = ? "
                    + "AND first_touch_due_at < ? AND first_touch_at IS NULL", Long.class, LeadStatus.SQL.name(),
                    rep.id(), now);
            if (n != null && n > 0) {
                counts.put(rep.id(), n);
            }
        }
        return counts;
    }

    /**
     * Scheduled work: untouched SQLs whose first-touch deadline falls between now and the time (the
     * SLA is about to pass), soonest first.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_SYSTEM)
    public List<SqlLine> slaPassingBefore(Instant until, int limit) {
        return sqlLines("WHERE status = ? AND first_touch_due_at >= ? AND first_touch_due_at < ? "
                + "AND first_touch_at IS NULL ORDER BY first_touch_due_at LIMIT ?", LeadStatus.SQL.name(),
                Utc.of(clock.instant()), Utc.of(until), limit);
    }

    /** The leads' names ("first last") by id, for figures that list a few leads. */
    @PreAuthorize(Roles.HAS_FUNNEL) // one query: no transaction
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT id, CONCAT(first_name, ' ', last_name) FROM leads WHERE id IN ("
                    + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")", rs -> {
                names.put(rs.getLong(1), rs.getString(2));
            }, ids.toArray());
        }
        return names;
    }

    /** The leads this lead referred. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<LeadDetails> referredBy(long id) {
        return leads.findByReferredByIdOrderByCreatedAt(id).stream().map(LeadService::details).toList();
    }

    // --- rules ---

    /** Writes the lead's changes and moves it in the tally when what it counts changed. */
    private void flush(Lead lead) {
        writes.flush(lead);
    }

    /** The fields whose changes the field history keeps. */
    private static Map<String, @Nullable Object> fields(Lead lead) {
        Map<String, @Nullable Object> fields = new java.util.LinkedHashMap<>();
        fields.put("firstName", lead.getFirstName());
        fields.put("lastName", lead.getLastName());
        fields.put("email", lead.getEmail());
        fields.put("phone", lead.getPhone());
        fields.put("company", lead.getCompany());
        fields.put("jobTitle", lead.getJobTitle());
        fields.put("country", lead.getCountry());
        fields.put("source", lead.getSource());
        fields.put("referredById", lead.getReferredById());
        fields.put("notes", lead.getNotes());
        return fields;
    }

    private void requireMayOwn(Lead lead, long ownerId) {
        // the new owner must be able to work the lead where it stands: marketing before the handoff, sales after
        List<Role> roles = switch (lead.getStatus()) {
            case NEW, MQL -> List.of(Role.MARKETING);
            case SQL, CONVERTED -> List.of(Role.SALES);
            case DISQUALIFIED -> List.of(Role.MARKETING, Role.SALES);
        };
        if (roles.stream().noneMatch(role -> users.enabledWithRole(role).stream().anyMatch(u -> u.id() == ownerId))) {
            throw new InvalidInputException("owner", roles.size() > 1 ? "lead.error.owner-role-any"
                    : roles.contains(Role.SALES) ? "lead.error.owner-role-sales" : "lead.error.owner-role-marketing");
        }
    }

    private void changeOwner(Lead lead, long ownerId) {
        Map<Long, String> names = users.displayNames();
        if (!names.containsKey(ownerId)) {
            throw new InvalidInputException("owner", "lead.error.owner-unknown");
        }
        if (lead.getOwnerId() != ownerId) {
            fieldLog.record(id(lead), "owner", names.get(lead.getOwnerId()), names.get(ownerId),
                    CurrentUser.require().username(), clock.instant());
        }
        lead.setOwnerId(ownerId);
    }

    private void refuseUnconfirmedDuplicates(Lead lead, boolean confirmed) {
        if (confirmed) {
            return;
        }
        List<DuplicateLead> duplicates = search.duplicates(person(lead), lead.getId()).stream()
                .filter(DuplicateLead::certain).toList();
        if (!duplicates.isEmpty()) {
            throw new DuplicatesFoundException(duplicates);
        }
    }

    private static DuplicateRule.Person person(Lead lead) {
        return new DuplicateRule.Person(lead.getFirstName(), lead.getLastName(), lead.getEmailKey(), lead.getPhone(),
                lead.getCompanyKey());
    }

    private Verdict check(Lead lead, Term term) {
        Set<String> confirmed = definitions.confirmations(RecordRef.lead(id(lead))).stream()
                .map(c -> c.code()).collect(Collectors.toSet());
        Verdict verdict = definitions.check(term, confirmed);
        if (!verdict.allowed()) {
            throw new TransitionRefusedException(verdict);
        }
        return verdict;
    }

    private void move(Lead lead, LeadStatus to, @Nullable Verdict verdict, @Nullable String reason) {
        LeadStatus from = lead.getStatus();
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        lead.setStatus(to);
        lead.reached(to.step());
        lead.touched(now, by);
        flush(lead);
        recordState(lead.facts(), from, to, by, now, reason,
                verdict != null ? verdict.version() : definitions.currentVersion());
    }

    /** The lead's history row for a status change (or its first status), with its owner and source as they are now. */
    private void recordState(app.funnel.statistics.LeadFacts lead, @Nullable LeadStatus from, LeadStatus to, String by,
                             Instant at, @Nullable String reason, @Nullable Integer definitionVersion) {
        events.publishEvent(new StateChanged(LeadStatus.LIFECYCLE, lead.id(), from, to, by, at, reason, definitionVersion,
                null, null, lead.ownerId(), lead.source(), null));
    }

    /** Who may change a lead now: marketing while NEW or MQL, its sales owner while SQL. */
    private void requireMayWork(Lead lead) {
        CurrentUser me = CurrentUser.require();
        boolean marketingStage = lead.getStatus() == LeadStatus.NEW || lead.getStatus() == LeadStatus.MQL;
        if (marketingStage && me.has(Role.MARKETING)) {
            return;
        }
        if (lead.getStatus() == LeadStatus.SQL && me.has(Role.SALES) && lead.getOwnerId() == myId()) {
            return;
        }
        throw lead.getStatus() == LeadStatus.SQL && CurrentUser.require().has(Role.SALES)
                ? new RefusedException("refused.lead-owner")
                : new RefusedException("refused.lead-stage", lead.getStatus());
    }

    /** Merging: as for working a lead, and marketing also merges leads it disqualified (as duplicates, often). */
    private void requireMayMerge(Lead lead) {
        // a lead marketing disqualified (it stays with its marketing owner); not one sales disqualified
        if (lead.getStatus() == LeadStatus.DISQUALIFIED && CurrentUser.require().has(Role.MARKETING)
                && users.enabledWithRole(Role.MARKETING).stream().anyMatch(u -> u.id() == lead.getOwnerId())) {
            return;
        }
        requireMayWork(lead);
    }

    private void requireOwner(Lead lead) {
        if (lead.getOwnerId() != myId()) {
            throw new RefusedException("refused.lead-owner");
        }
    }

    private static void requireStatus(Lead lead, LeadStatus expected) {
        if (lead.getStatus() != expected) {
            throw new InvalidInputException("status", "lead.error.wrong-status", lead.getStatus(), expected);
        }
    }

    private long nextInTurn(List<UserSummary> sales) {
        // the sales user who least recently received a handoff, ties broken by id
        return sales.stream().min(java.util.Comparator
                        .comparing((UserSummary u) -> lastHandoffTo(u.id()))
                        .thenComparingLong(UserSummary::id))
                .orElseThrow().id();
    }

    private Instant lastHandoffTo(long userId) {
        return leads.lastHandoffTo(userId).orElse(Instant.EPOCH);
    }

    private void apply(Lead lead, LeadInput input) {
        LeadFields checked = LeadFields.check(input);
        if (input.referredById() != null) {
            if (lead.getId() != null && input.referredById().equals(lead.getId())) {
                throw new InvalidInputException("referredById", "lead.error.refers-itself");
            }
            if (!leads.existsById(input.referredById())) {
                throw new InvalidInputException("referredById", "lead.error.referrer-unknown");
            }
        }
        lead.setFirstName(checked.firstName());
        lead.setLastName(checked.lastName());
        lead.setEmail(checked.email());
        lead.setEmailKey(checked.emailKey());
        lead.setPhone(checked.phone());
        lead.setCountry(checked.country());
        lead.setCompany(checked.company());
        lead.setCompanyKey(checked.companyKey());
        lead.setNameKey(checked.nameKey());
        lead.setJobTitle(checked.jobTitle());
        if (checked.source() != null) {
            lead.setSource(checked.source());
        }
        lead.setReferredById(input.referredById());
        lead.setNotes(checked.notes());
        lead.setSuspectReasons(checked.suspectColumn());
    }

    /** A reason for a status change: required, at most 1,000 characters. */
    private static String required(@Nullable String value, String field) {
        return required(value, field, 1000, "lead.error.reason-required");
    }

    private static String required(@Nullable String value, String field, int max, String emptyKey) {
        return app.funnel.base.Texts.required(value, field, max, emptyKey);
    }

    private Lead load(long id) {
        return leads.findById(id).orElseThrow(() -> new InvalidInputException("id", "lead.error.not-found", id));
    }

    private Lead loadForChange(long id, long expectedVersion) {
        Lead lead = load(id);
        if (lead.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("Lead " + id, lead.getUpdatedBy(), lead.getUpdatedAt());
        }
        return lead;
    }

    private long myId() {
        return users.currentId();
    }

    private static long id(Lead lead) {
        if (lead.getId() == null) {
            throw new IllegalStateException("Lead not saved yet");
        }
        return lead.getId();
    }

    static LeadDetails details(Lead lead) {
        Set<SuspectReason> suspect = SuspectReason.of(lead.getSuspectReasons());
        return new LeadDetails(id(lead), lead.getFirstName(), lead.getLastName(), lead.getEmail(), lead.getPhone(),
                lead.getCompany(), lead.getJobTitle(), lead.getCountry(), lead.getSource(), lead.getOwnerId(),
                lead.getStatus(), lead.getDisqualificationReason(), lead.getDisqualificationNote(),
                lead.getReferredById(), lead.getNotes(), Set.copyOf(suspect), lead.getFirstTouchDueAt(),
                lead.getFirstTouchAt(), lead.getCreatedAt(), lead.getUpdatedAt(), lead.getUpdatedBy(),
                lead.getVersion());
    }
}
