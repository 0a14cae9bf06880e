package app.funnel.opportunity;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.statistics.DealChanged;
import app.funnel.statistics.DealFacts;
import app.funnel.statistics.StageHistory;
import app.funnel.statistics.StateChanged;
import app.funnel.base.Texts;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.RecordRef;
import app.funnel.definition.Term;
import app.funnel.definition.TransitionRefusedException;
import app.funnel.definition.Verdict;
import app.funnel.lead.ContactCheck;
import app.funnel.lead.LeadDetails;
import app.funnel.statistics.FunnelStep;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.lead.LeadStatus;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import app.funnel.base.RefusedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opportunities: conversion of an SQL into account, buyer and deal (all or nothing), stage moves
 * gated by the definitions, probability, reassignment and reopening. SALES works its own deals and
 * reads the others; LEADERSHIP reads all, reassigns and reopens; MARKETING and ADMIN read.
 */
@Service
public class OpportunityService {

    static final String RECORD = Stage.LIFECYCLE.recordType();
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "yahoo.com", "icloud.com", "live.com", "uol.com.br", "bol.com.br", "terra.com.br", "sapo.pt");

    private final OpportunityRepository opportunities;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final OpportunitySearch search;
    private final LeadService leads;
    private final DefinitionService definitions;
    private final UserService users;
    private final StageHistory history;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final int staleDays;

    OpportunityService(OpportunityRepository opportunities, AccountRepository accounts, ContactRepository contacts,
                       OpportunitySearch search, LeadService leads, DefinitionService definitions, UserService users,
                       StageHistory history, org.springframework.context.ApplicationEventPublisher events,
                       Clock clock, OpportunityProperties properties) {
        this.staleDays = properties.staleDays();
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.contacts = contacts;
        this.search = search;
        this.leads = leads;
        this.definitions = definitions;
        this.users = users;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Converts an SQL into a deal, in one transaction: finds the account (same name ignoring case
     * and accents, or same company e-mail domain) or creates it, makes the lead the buyer contact
     * (or uses another contact of the account), creates the opportunity in QUALIFICATION with that
     * stage's default probability, and marks the lead CONVERTED (checked against the Opportunity
     * definition). When anything fails, nothing of it is stored.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES_OR_LEADERSHIP)
    public OpportunityDetails convert(long leadId, long leadVersion, ConversionInput input) {
        LeadDetails lead = leads.get(leadId);
        if (lead.status() != LeadStatus.SQL) {
            throw new InvalidInputException("lead", "opportunity.error.not-sql");
        }
        CurrentUser me = CurrentUser.require();
        if (!me.has(Role.LEADERSHIP) && lead.ownerId() != myId()) {
            throw new RefusedException("refused.convert-owner");
        }
        String name = required(input.name(), "name", 200);
        BigDecimal amount = amount(input.amount());
        String currency = currency(input.currency());
        LocalDate close = closeDate(input.expectedClose());
        Instant now = clock.instant();
        Account account = input.accountId() != null ? loadAccount(input.accountId()) : matchOrCreateAccount(lead, now);
        long accountId = id(account);
        Contact buyer;
        if (input.buyerId() != null) {
            buyer = buyerOf(accountId, input.buyerId());
        } else {
            buyer = contacts.save(new Contact(accountId, lead.firstName(), lead.lastName(), lead.email(), lead.phone(),
                    lead.jobTitle(), lead.id(), now));
        }
        long owner = me.has(Role.SALES) && lead.ownerId() == myId() ? myId() : lead.ownerId();
        Opportunity opportunity = opened(new Opportunity(accountId, id(buyer), lead.id(), owner, now, me.username()),
                name, amount, currency, close, lead.source());
        events.publishEvent(new DealChanged(null, opportunity.facts()));
        long id = id(opportunity);
        // the lead's conversion is checked against the Opportunity definition; a refusal undoes everything above
        leads.convert(leadId, leadVersion, id);
        recordStage(opportunity, null, me.username(), now, null, definitions.currentVersion());
        return details(opportunity);
    }

    /**
     * Creates a deal that did not come from a lead, owned by the salesperson, in one transaction: the
     * account is an existing one or the one named (an account of that name, ignoring case and accents,
     * is used, or it is created), the buyer an existing contact of it or a new one; the deal starts in
     * Qualification with that stage's probability, checked against the Opportunity definition with the
     * criteria the salesperson confirms (kept on the deal). When anything fails, nothing is stored.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES)
    public OpportunityDetails create(NewDeal input) {
        CurrentUser me = CurrentUser.require();
        String name = required(input.name(), "name", 200);
        BigDecimal amount = amount(input.amount());
        String currency = currency(input.currency());
        LocalDate close = closeDate(input.expectedClose());
        if (input.source() == null) {
            throw new InvalidInputException("source", "field.required");
        }
        Instant now = clock.instant();
        Account account;
        if (input.accountId() != null) {
            account = loadAccount(input.accountId());
        } else {
            String accountName = required(input.accountName(), "accountName", 200);
            account = accounts.findByNameKey(ContactCheck.plain(accountName)).stream().findFirst()
                    .orElseGet(() -> accounts.save(new Account(accountName, ContactCheck.plain(accountName),
                            domain(input.buyerEmail()), now, me.username())));
        }
        long accountId = id(account);
        Contact buyer;
        if (input.buyerId() != null) {
            buyer = buyerOf(accountId, input.buyerId());
        } else {
            String first = required(input.buyerFirstName(), "buyerFirstName", 100);
            String last = required(input.buyerLastName(), "buyerLastName", 100);
            String email = optional(input.buyerEmail(), "buyerEmail", 254);
            if (email != null && !ContactCheck.isValidEmail(email)) {
                throw new InvalidInputException("buyerEmail", "lead.error.email-format");
            }
            String typed = optional(input.buyerPhone(), "buyerPhone", 40);
            String phone = typed == null ? null : ContactCheck.toE164(typed, null)
                    .orElseThrow(() -> new InvalidInputException("buyerPhone", "opportunity.error.buyer-phone"));
            buyer = contacts.save(new Contact(accountId, first, last, email, phone,
                    optional(input.buyerJobTitle(), "buyerJobTitle", 100), null, now));
        }
        Opportunity opportunity = opened(new Opportunity(accountId, id(buyer), null, myId(), now, me.username()),
                name, amount, currency, close, input.source());
        long id = id(opportunity);
        RecordRef ref = RecordRef.opportunity(id);
        app.funnel.definition.RecordChecks.checked(ref);
        input.criteria().forEach(code -> definitions.confirm(ref, code));
        // the deal is checked against the Opportunity definition; a refusal undoes everything above
        Verdict verdict = check(id, Term.OPPORTUNITY);
        events.publishEvent(new DealChanged(null, opportunity.facts()));
        recordStage(opportunity, null, me.username(), now, null, verdict.version());
        touched(opportunity);
        return details(opportunity);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public OpportunityDetails get(long id) {
        return details(load(id));
    }

    /**
     * Reads these deals into the current transaction in one query, so that the checked calls that
     * follow on each of them (a bulk action's rows) find them read; what a caller may see is still
     * decided by each call.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public void readAhead(java.util.Collection<Long> ids) {
        opportunities.findAllById(ids);
    }

    /** A page of the grid (or of a board column, with the stage filter). */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<OpportunityRow> search(OpportunityQuery query, Pageable pageable) {
        return search.page(query, pageable);
    }

    /** The ids of the deals the grid's filters select, lowest first, at most {@code limit} (bulk actions). */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<Long> ids(OpportunityQuery query, int limit) {
        return search.ids(query, limit);
    }

    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public long count(OpportunityQuery query) {
        return search.count(query);
    }

    /**
     * Writes the deals the grid's filters select as CSV (UTF-8 with a byte-order mark), streamed.
     *
     * @return how many deals were written
     */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public long export(OpportunityQuery query, app.funnel.base.CsvExport.Delimiter delimiter, java.io.OutputStream out) {
        return export(query, delimiter, app.funnel.base.CsvExport.Words.CODES, out);
    }

    /** As above, with column names and coded values (stage, lost reason) in the given words. */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public long export(OpportunityQuery query, app.funnel.base.CsvExport.Delimiter delimiter,
                       app.funnel.base.CsvExport.Words words, java.io.OutputStream out) {
        long[] count = {0};
        List<String> columns = List.of("id", "name", "account", "buyer", "amount", "currency", "probability", "stage",
                "expected_close", "owner", "lost_reason", "lost_note", "lead_id");
        try (var csv = new app.funnel.base.CsvExport(out, delimiter,
                columns.stream().map(c -> words.column("csv.opportunity.", c)).toList())) {
            search.export(query, rs -> {
                csv.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4) + " " + rs.getString(5),
                        rs.getBigDecimal(6).toPlainString(), rs.getString(7), rs.getInt(8),
                        words.value("stage.", rs.getString(9)), rs.getObject(10, LocalDate.class), rs.getString(11),
                        words.value("lost.", rs.getString(12)), rs.getString(13),
                        rs.getObject(14) == null ? "" : rs.getLong(14));
                count[0]++;
            });
        }
        return count[0];
    }

    /** Count, total and weighted amount of the filtered deals, per currency, computed in the database. */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<Totals> totals(OpportunityQuery query) {
        return search.totals(query);
    }

    /**
     * Moves a deal to another stage. Entering a stage needs that stage's criteria confirmed (the
     * definitions' enforcement); moving back needs a reason; CLOSED_LOST needs a lost reason and a
     * note; a closed deal is reopened by leadership only, with a reason. The probability becomes the
     * stage's default (100 for won, 0 for lost). A history row keeps who, when, the definitions
     * version, and the amount and probability at that time.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES_OR_LEADERSHIP)
    public OpportunityDetails moveStage(long id, long expectedVersion, Stage to, @Nullable String reason,
                                        @Nullable LostReason lostReason, @Nullable String lostNote) {
        Opportunity opportunity = loadForChange(id, expectedVersion);
        DealFacts before = opportunity.facts();
        Stage from = opportunity.getStage();
        CurrentUser me = CurrentUser.require();
        if (to == null || to == from) {
            throw new InvalidInputException("stage", "opportunity.error.same-stage");
        }
        String why = optional(reason, "reason", 1000);
        if (!from.isOpen()) {
            if (!me.has(Role.LEADERSHIP)) {
                throw new RefusedException("refused.reopen");
            }
            if (!to.isOpen()) {
                throw new InvalidInputException("stage", "opportunity.error.reopen-to-open");
            }
            if (why == null) {
                throw new InvalidInputException("reason", "opportunity.error.reason-required");
            }
        } else {
            requireOwner(opportunity);
            if (to.isBackFrom(from) && why == null) {
                throw new InvalidInputException("reason", "opportunity.error.reason-required");
            }
        }
        if (to == Stage.CLOSED_LOST) {
            if (lostReason == null) {
                throw new InvalidInputException("lostReason", "opportunity.error.lost-reason-required");
            }
            String note = optional(lostNote, "lostNote", 1000);
            if (note == null) {
                throw new InvalidInputException("lostNote", "opportunity.error.lost-note-required");
            }
            opportunity.setLostReason(lostReason);
            opportunity.setLostNote(note);
            why = why == null ? lostReason.name() + ": " + note : why;
        } else {
            opportunity.setLostReason(null);
            opportunity.setLostNote(null);
        }
        Verdict verdict = check(id, to.term());
        Integer probability = to.term().fixedProbability() != null ? to.term().fixedProbability()
                : definitions.entry(verdict.version(), to.term()).probability();
        Instant now = clock.instant();
        if (!to.isOpen()) {
            // a closed deal closed that day: the pipeline and the close-date filters read it so
            opportunity.setExpectedClose(LocalDate.ofInstant(now, clock.getZone()));
        }
        opportunity.setStage(to);
        opportunity.setProbability(probability == null ? opportunity.getProbability() : probability);
        opportunity.setStageChangedAt(now);
        opportunity.touched(now, me.username());
        opportunities.flush();
        events.publishEvent(new DealChanged(before, opportunity.facts()));
        recordStage(opportunity, from, me.username(), now, why, verdict.version());
        touched(opportunity);
        if (to.step() != FunnelStep.OPPORTUNITY && opportunity.getLeadId() != null) {
            // further than the step its conversion gave the lead
            app.funnel.definition.RecordChecks.checked(RecordRef.lead(opportunity.getLeadId()));
            leads.reached(opportunity.getLeadId(), to.step());
        }
        return details(opportunity);
    }

    /** Sets the chance of closing of an open deal, 0 to 99 %. */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES)
    public OpportunityDetails setProbability(long id, long expectedVersion, int probability) {
        Opportunity opportunity = loadForChange(id, expectedVersion);
        requireOwner(opportunity);
        if (!opportunity.getStage().isOpen()) {
            throw new InvalidInputException("probability", "opportunity.error.probability-closed");
        }
        if (probability < 0 || probability > 99) {
            throw new InvalidInputException("probability", "opportunity.error.probability-range");
        }
        change(opportunity, o -> o.setProbability(probability));
        return details(opportunity);
    }

    /** Changes name, amount, currency, close date and notes: the deal's sales owner. */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES)
    public OpportunityDetails update(long id, long expectedVersion, OpportunityInput input) {
        Opportunity opportunity = loadForChange(id, expectedVersion);
        requireOwner(opportunity);
        change(opportunity, o -> {
            o.setName(required(input.name(), "name", 200));
            o.setAmount(amount(input.amount()));
            o.setCurrency(currency(input.currency()));
            o.setExpectedClose(closeDate(input.expectedClose()));
            o.setNotes(optional(input.notes(), "notes", 20_000));
        });
        return details(opportunity);
    }

    /** Leadership gives a deal to another sales user. */
    @Transactional
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public OpportunityDetails reassign(long id, long expectedVersion, long ownerId) {
        Opportunity opportunity = loadForChange(id, expectedVersion);
        if (users.enabledWithRole(Role.SALES).stream().noneMatch(u -> u.id() == ownerId)) {
            throw new InvalidInputException("owner", "lead.error.owner-not-sales");
        }
        long before = opportunity.getOwnerId();
        change(opportunity, o -> o.setOwnerId(ownerId));
        if (before != ownerId) {
            events.publishEvent(new app.funnel.base.RecordReassigned(RECORD, id, before, ownerId,
                    CurrentUser.require().username()));
        }
        return details(opportunity);
    }

    /** Confirms criteria of a stage's definition on the deal: its sales owner. */
    @Transactional
    @PreAuthorize(Roles.HAS_SALES)
    public void confirmCriteria(long id, Collection<String> codes) {
        requireOwner(load(id));
        app.funnel.definition.RecordChecks.checked(RecordRef.opportunity(id));
        for (String code : codes) {
            definitions.confirm(RecordRef.opportunity(id), code);
        }
    }

    /** The deal's confirmed criteria, with who confirmed each and when. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<app.funnel.definition.Confirmation> confirmations(long id) {
        load(id);
        return definitions.confirmations(RecordRef.opportunity(id));
    }

    /** The stage changes, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<StageHistory.Entry> history(long id) {
        load(id);
        return history.of(Stage.LIFECYCLE, id);
    }

    /** The contacts of an account, for choosing another buyer. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<ContactSummary> contactsOf(long accountId) {
        return contacts.findByAccountIdOrderByLastNameAscFirstNameAsc(accountId).stream()
                .map(c -> new ContactSummary(id(c), c.getFirstName() + " " + c.getLastName(), c.getEmail(),
                        c.getJobTitle(), c.getLeadId()))
                .toList();
    }

    /** The account a conversion of this lead would use, if one matches (same name or company e-mail domain). */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public java.util.Optional<AccountSummary> matchingAccount(long leadId) {
        return match(leads.get(leadId)).map(a -> new AccountSummary(id(a), a.getName(), a.getDomain()));
    }

    /** Accounts whose name starts with the text (ignoring case and accents), for the grid's account filter. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<AccountSummary> accounts(@Nullable String text) {
        String prefix = text == null ? "" : ContactCheck.plain(text);
        return accounts.findTop50ByNameKeyStartingWithOrderByNameKey(prefix).stream()
                .map(a -> new AccountSummary(id(a), a.getName(), a.getDomain())).toList();
    }

    /** One account by id (a link to its deals, from the global search), empty when there is none. */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public java.util.Optional<AccountSummary> account(long id) {
        return accounts.findById(id).map(a -> new AccountSummary(id(a), a.getName(), a.getDomain()));
    }

    /** A deal as the rep's lists show it. */
    public record DealLine(long id, String name, BigDecimal amount, String currency, LocalDate expectedClose, Stage stage,
                           Instant updatedAt) {
    }

    private static final List<Stage> OPEN = java.util.Arrays.stream(Stage.values()).filter(Stage::isOpen).toList();

    private static DealLine line(Opportunity o) {
        return new DealLine(id(o), o.getName(), o.getAmount(), o.getCurrency(), o.getExpectedClose(), o.getStage(),
                o.getUpdatedAt());
    }

    /** My open deals expected to close in the days, soonest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_SALES)
    public List<DealLine> myClosingBetween(LocalDate from, LocalDate to, int limit) {
        return opportunities.closingBetween(myId(), OPEN, from, to,
                org.springframework.data.domain.PageRequest.of(0, limit)).stream().map(OpportunityService::line).toList();
    }

    /** My open deals with no change for longer than the stale threshold, longest unchanged first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_SALES)
    public List<DealLine> myStale(int limit) {
        Instant before = clock.instant().minus(java.time.Duration.ofDays(staleDays));
        return opportunities.unchangedSince(myId(), OPEN, before,
                org.springframework.data.domain.PageRequest.of(0, limit)).stream().map(OpportunityService::line).toList();
    }

    /** A contact of an account. */
    public record ContactSummary(long id, String name, @Nullable String email, @Nullable String jobTitle,
                                 @Nullable Long leadId) {
    }

    /** An account. */
    public record AccountSummary(long id, String name, @Nullable String domain) {
    }

    // --- rules ---

    /** An existing contact as a deal's buyer: one of the deal account's contacts. */
    private Contact buyerOf(long accountId, long contactId) {
        return contacts.findById(contactId).filter(c -> c.getAccountId() == accountId)
                .orElseThrow(() -> new InvalidInputException("buyer", "opportunity.error.buyer-not-of-account"));
    }

    /** A new deal's first state, written: Qualification, with that stage's probability in the current definitions. */
    private Opportunity opened(Opportunity opportunity, String name, BigDecimal amount, String currency, LocalDate close,
                               @Nullable LeadSource source) {
        opportunity.setName(name);
        opportunity.setAmount(amount);
        opportunity.setCurrency(currency);
        opportunity.setExpectedClose(close);
        opportunity.setSource(source);
        opportunity.setStage(Stage.QUALIFICATION);
        Integer probability = definitions.entry(definitions.currentVersion(), Term.QUALIFICATION).probability();
        opportunity.setProbability(probability == null ? 10 : probability);
        opportunities.saveAndFlush(opportunity);
        return opportunity;
    }

    /** The deal's history row for a stage change (or its first stage), with its owner, source and lost reason now. */
    private void recordStage(Opportunity opportunity, @Nullable Stage from, String by, Instant at, @Nullable String reason,
                             @Nullable Integer definitionVersion) {
        events.publishEvent(new StateChanged(Stage.LIFECYCLE, id(opportunity), from, opportunity.getStage(), by, at, reason,
                definitionVersion, opportunity.getAmount(), opportunity.getProbability(), opportunity.getOwnerId(),
                opportunity.getSource() == null ? null : opportunity.getSource().name(),
                opportunity.getLostReason() == null ? null : opportunity.getLostReason().name()));
    }

    /** Applies an edit, stamps who and when, writes it, and moves the deal in the tally if it must. */
    private void change(Opportunity opportunity, java.util.function.Consumer<Opportunity> edit) {
        DealFacts before = opportunity.facts();
        edit.accept(opportunity);
        opportunity.touched(clock.instant(), CurrentUser.require().username());
        opportunities.flush();
        events.publishEvent(new DealChanged(before, opportunity.facts()));
        touched(opportunity);
    }

    /** Tells open screens (after the commit) that the deal changed. */
    private void touched(Opportunity opportunity) {
        events.publishEvent(new app.funnel.base.RecordTouched(RECORD, id(opportunity), opportunity.getOwnerId(),
                opportunity.getUpdatedBy()));
    }

    private Verdict check(long id, Term term) {
        Set<String> confirmed = definitions.confirmations(RecordRef.opportunity(id)).stream()
                .map(c -> c.code()).collect(Collectors.toSet());
        Verdict verdict = definitions.check(term, confirmed);
        if (!verdict.allowed()) {
            throw new TransitionRefusedException(verdict);
        }
        return verdict;
    }

    private Account matchOrCreateAccount(LeadDetails lead, Instant now) {
        return match(lead).orElseGet(() -> {
            String name = lead.company() != null ? lead.company() : lead.firstName() + " " + lead.lastName();
            return accounts.save(new Account(name, ContactCheck.plain(name), domain(lead.email()), now,
                    CurrentUser.require().username()));
        });
    }

    private java.util.Optional<Account> match(LeadDetails lead) {
        if (lead.company() != null) {
            List<Account> byName = accounts.findByNameKey(ContactCheck.plain(lead.company()));
            if (!byName.isEmpty()) {
                return java.util.Optional.of(byName.getFirst());
            }
        }
        String domain = domain(lead.email());
        if (domain != null) {
            return accounts.findByDomain(domain).stream().findFirst();
        }
        return java.util.Optional.empty();
    }

    /** The company's e-mail domain; none for free-mail providers, which say nothing about the company. */
    private static @Nullable String domain(@Nullable String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return FREE_MAIL.contains(domain) ? null : domain;
    }

    private Account loadAccount(long id) {
        return accounts.findById(id).orElseThrow(() -> new InvalidInputException("account",
                "opportunity.error.account-unknown"));
    }

    private static BigDecimal amount(@Nullable BigDecimal amount) {
        if (amount == null) {
            throw new InvalidInputException("amount", "opportunity.error.amount-required");
        }
        if (amount.signum() < 0) {
            throw new InvalidInputException("amount", "opportunity.error.amount-negative");
        }
        if (amount.scale() > 2 || amount.precision() - amount.scale() > 17) {
            throw new InvalidInputException("amount", "opportunity.error.amount-format");
        }
        return amount;
    }

    private static String currency(@Nullable String code) {
        String text = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        try {
            if (text.length() == 3) {
                return Currency.getInstance(text).getCurrencyCode();
            }
        } catch (IllegalArgumentException unknown) {
            // falls through to the message
        }
        throw new InvalidInputException("currency", "opportunity.error.currency-unknown");
    }

    /** The earliest expected close date taken: older ones are typing mistakes (1900 for 2026). */
    static final LocalDate EARLIEST_CLOSE = LocalDate.of(2000, 1, 1);
    /** How far ahead an expected close date may lie. */
    static final int LATEST_CLOSE_YEARS = 10;

    private LocalDate closeDate(@Nullable LocalDate date) {
        if (date == null) {
            throw new InvalidInputException("expectedClose", "opportunity.error.close-required");
        }
        LocalDate latest = LocalDate.now(clock).plusYears(LATEST_CLOSE_YEARS);
        if (date.isBefore(EARLIEST_CLOSE) || date.isAfter(latest)) {
            throw new InvalidInputException("expectedClose", "opportunity.error.close-range", EARLIEST_CLOSE, latest);
        }
        return date;
    }

    private static @Nullable String optional(@Nullable String value, String field, int max) {
        return Texts.optional(value, field, max);
    }

    private static String required(@Nullable String value, String field, int max) {
        return Texts.required(value, field, max, "field.required");
    }

    private void requireOwner(Opportunity opportunity) {
        CurrentUser me = CurrentUser.require();
        if (!me.has(Role.SALES) || opportunity.getOwnerId() != myId()) {
            throw new RefusedException("refused.deal-owner");
        }
    }

    private Opportunity load(long id) {
        return opportunities.findById(id)
                .orElseThrow(() -> new InvalidInputException("id", "opportunity.error.not-found", id));
    }

    private Opportunity loadForChange(long id, long expectedVersion) {
        Opportunity opportunity = load(id);
        if (opportunity.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("Opportunity " + id, opportunity.getUpdatedBy(),
                    opportunity.getUpdatedAt());
        }
        return opportunity;
    }

    private long myId() {
        return users.currentId();
    }

    private static long id(Opportunity opportunity) {
        if (opportunity.getId() == null) {
            throw new IllegalStateException("Opportunity not saved yet");
        }
        return opportunity.getId();
    }

    private static long id(Account account) {
        if (account.getId() == null) {
            throw new IllegalStateException("Account not saved yet");
        }
        return account.getId();
    }

    private static long id(Contact contact) {
        if (contact.getId() == null) {
            throw new IllegalStateException("Contact not saved yet");
        }
        return contact.getId();
    }

    private OpportunityDetails details(Opportunity o) {
        String account = accounts.findById(o.getAccountId()).map(Account::getName).orElse("?");
        String buyer = contacts.findById(o.getContactId()).map(c -> c.getFirstName() + " " + c.getLastName())
                .orElse("?");
        return new OpportunityDetails(id(o), o.getName(), o.getAccountId(), account, o.getContactId(), buyer,
                o.getLeadId(), o.getOwnerId(), o.getAmount(), o.getCurrency(), o.getExpectedClose(), o.getStage(),
                o.getProbability(), o.getLostReason(), o.getLostNote(), o.getNotes(), o.getStageChangedAt(),
                o.getCreatedAt(), o.getUpdatedAt(), o.getUpdatedBy(), o.getVersion());
    }
}
