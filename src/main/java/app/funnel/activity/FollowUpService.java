package app.funnel.activity;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.RecordTouched;
import app.funnel.base.RefusedException;
import app.funnel.base.Texts;
import app.funnel.base.Utc;
import app.funnel.security.CurrentUser;
import app.funnel.security.Roles;
import app.funnel.statistics.HistoryMoved;
import app.funnel.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups: the next steps on leads and deals, each with a due time and an assignee who may work
 * on the record (its owner unless someone else is chosen). Whoever may work on the record, or is
 * its assignee, changes it or marks it done.
 */
@Service
public class FollowUpService {

    static final int TITLE_MAX = 200;
    static final int NOTE_MAX = 2000;

    private final FollowUpRepository followUps;
    private final Work work;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    FollowUpService(FollowUpRepository followUps, Work work, UserService users, ApplicationEventPublisher events,
                    JdbcTemplate jdbc, Clock clock) {
        this.followUps = followUps;
        this.work = work;
        this.users = users;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Plans a next step on a record the current user may work on. */
    @Transactional
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public FollowUpEntry add(String recordType, long recordId, FollowUpInput input) {
        WorkItem item = work.requireWork(recordType, recordId);
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        FollowUp followUp = new FollowUp(item.recordType(), item.id(), now, by);
        apply(followUp, item, input, now, true);
        followUps.saveAndFlush(followUp);
        assigned(followUp, item, by);
        events.publishEvent(new RecordTouched(item.recordType(), item.id(), item.ownerId(), by));
        return entry(followUp, item, users.displayNames(), now);
    }

    /** Changes a follow-up: its title, due time, assignee or note. */
    @Transactional
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public FollowUpEntry update(long id, long expectedVersion, FollowUpInput input) {
        FollowUp followUp = loadForChange(id, expectedVersion);
        WorkItem item = work.require(followUp.getRecordType(), followUp.getRecordId());
        requireMayChange(followUp, item);
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        long assigneeBefore = followUp.getAssigneeId();
        apply(followUp, item, input, now, !Objects.equals(input.dueAt(), followUp.getDueAt()));
        followUp.touched(now, by);
        followUps.saveAndFlush(followUp);
        if (followUp.getAssigneeId() != assigneeBefore) {
            assigned(followUp, item, by);
        }
        events.publishEvent(new RecordTouched(item.recordType(), item.id(), item.ownerId(), by));
        return entry(followUp, item, users.displayNames(), now);
    }

    /** Marks a follow-up done, or open again. */
    @Transactional
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public FollowUpEntry setDone(long id, long expectedVersion, boolean done) {
        FollowUp followUp = loadForChange(id, expectedVersion);
        WorkItem item = work.require(followUp.getRecordType(), followUp.getRecordId());
        requireMayChange(followUp, item);
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        followUp.setDone(done ? now : null, done ? by : null);
        followUp.touched(now, by);
        followUps.saveAndFlush(followUp);
        events.publishEvent(new RecordTouched(item.recordType(), item.id(), item.ownerId(), by));
        return entry(followUp, item, users.displayNames(), now);
    }

    /** Removes a follow-up planned by mistake (the undo of a bulk "add a follow-up"), while nobody changed it. */
    @Transactional
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public void delete(long id, long expectedVersion) {
        FollowUp followUp = loadForChange(id, expectedVersion);
        WorkItem item = work.require(followUp.getRecordType(), followUp.getRecordId());
        requireMayChange(followUp, item);
        followUps.delete(followUp);
        followUps.flush();
        events.publishEvent(new RecordTouched(item.recordType(), item.id(), item.ownerId(), CurrentUser.require().username()));
    }

    /** A record's follow-ups, open ones first by due time, then the done ones. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<FollowUpEntry> ofRecord(String recordType, long recordId) {
        WorkItem item = work.require(recordType, recordId);
        Map<Long, String> names = users.displayNames();
        Instant now = clock.instant();
        return followUps.ofRecord(item.recordType(), item.id(), PageRequest.of(0, 100)).stream()
                .map(f -> entry(f, item, names, now)).toList();
    }

    /**
     * Whether the record lacks a next step: an SQL or an open deal with no open follow-up. Records
     * that need none (a new lead, a won deal) never lack one.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public boolean lacksNextStep(String recordType, long recordId) {
        WorkItem item = work.require(recordType, recordId);
        return item.needsNextStep() && followUps.countOpen(item.recordType(), item.id()) == 0;
    }

    /** How many open follow-ups of the record its owner holds: what a reassignment offers to move. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public long openOfOwner(String recordType, long recordId) {
        WorkItem item = work.require(recordType, recordId);
        return followUps.openOf(item.recordType(), item.id()).stream()
                .filter(f -> f.getAssigneeId() == item.ownerId()).count();
    }

    /**
     * After a record was reassigned (leadership): its open follow-ups held by the previous owner go
     * to the new owner, who is told. Returns how many moved.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public int moveOpen(String recordType, long recordId, long fromOwnerId) {
        WorkItem item = work.require(recordType, recordId);
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        int moved = 0;
        for (FollowUp followUp : followUps.openOf(item.recordType(), item.id())) {
            if (followUp.getAssigneeId() == fromOwnerId && fromOwnerId != item.ownerId()) {
                followUp.setAssigneeId(item.ownerId());
                followUp.touched(now, by);
                assigned(followUp, item, by);
                moved++;
            }
        }
        followUps.flush();
        if (moved > 0) {
            events.publishEvent(new RecordTouched(item.recordType(), item.id(), item.ownerId(), by));
        }
        return moved;
    }

    /** The current user's open follow-ups due before the given time, soonest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<FollowUpEntry> mineDueBefore(Instant before, int limit) {
        long me = work.myId();
        List<FollowUp> found = jdbcFollowUps("SELECT * FROM follow_up WHERE assignee_id = ? AND done_at IS NULL "
                + "AND due_at < ? ORDER BY due_at, id LIMIT ?", me, Utc.of(before), limit);
        return entries(found);
    }

    /** How many open follow-ups are overdue, per assignee: for leadership's view of the team. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_LEADERSHIP_OR_ADMIN)
    public Map<Long, Long> overdueByAssignee() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query("SELECT assignee_id, COUNT(*) FROM follow_up WHERE done_at IS NULL AND due_at < ? "
                + "GROUP BY assignee_id", rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        }, Utc.of(clock.instant()));
        return counts;
    }

    /** Of these records, the ones with an open follow-up: for marking the rest "no next step" in a list. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public java.util.Set<Long> withOpenFollowUp(String recordType, Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return java.util.Set.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(recordType);
        args.addAll(recordIds);
        return new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT record_id FROM follow_up WHERE record_type = ? "
                + "AND done_at IS NULL AND record_id IN (" + String.join(",", java.util.Collections.nCopies(recordIds.size(), "?"))
                + ")", Long.class, args.toArray()));
    }

    /** A follow-up that has come due, for the reminder. */
    public record Due(long id, String recordType, long recordId, String recordName, long assigneeId, String title,
                      Instant dueAt) {
    }

    /**
     * Scheduled work: the open follow-ups that have come due and were not reminded of yet, marked
     * reminded in the same transaction (a second run, on any node, finds them no more).
     */
    @Transactional
    @PreAuthorize(Roles.HAS_SYSTEM)
    public List<Due> claimDue(int limit) {
        Instant now = clock.instant();
        List<FollowUp> due = jdbcFollowUps("SELECT * FROM follow_up WHERE done_at IS NULL AND reminded_at IS NULL "
                + "AND due_at <= ? ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED", Utc.of(now), limit);
        if (due.isEmpty()) {
            return List.of();
        }
        List<Object> ids = due.stream().map(f -> (Object) f.getId()).toList();
        List<Object> args = new ArrayList<>(List.of(Utc.of(now)));
        args.addAll(ids);
        jdbc.update("UPDATE follow_up SET reminded_at = ? WHERE id IN ("
                + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")", args.toArray());
        Map<String, Map<Long, String>> names = recordNames(due);
        return due.stream().map(f -> new Due(Objects.requireNonNull(f.getId()), f.getRecordType(), f.getRecordId(),
                names.getOrDefault(f.getRecordType(), Map.of()).getOrDefault(f.getRecordId(), "#" + f.getRecordId()),
                f.getAssigneeId(), f.getTitle(), f.getDueAt())).toList();
    }

    /** A merged lead's follow-ups go with it to the lead that survives. */
    @EventListener
    void moved(HistoryMoved moved) {
        followUps.move(moved.lifecycle().recordType(), moved.fromId(), moved.toId());
    }

    // --- rules ---

    private void apply(FollowUp followUp, WorkItem item, FollowUpInput input, Instant now, boolean dueChanged) {
        followUp.setTitle(Texts.required(input.title(), "title", TITLE_MAX, "followup.error.title-required"));
        followUp.setNote(Texts.optional(input.note(), "note", NOTE_MAX));
        if (input.dueAt() == null) {
            throw new InvalidInputException("dueAt", "followup.error.due-required");
        }
        if (dueChanged && input.dueAt().isBefore(now.minusSeconds(60))) {
            throw new InvalidInputException("dueAt", "followup.error.due-past");
        }
        followUp.setDueAt(input.dueAt());
        long assignee = input.assigneeId() == null ? item.ownerId() : input.assigneeId();
        if (!work.mayWork(item, assignee)) {
            throw new InvalidInputException("assigneeId", "followup.error.assignee-access");
        }
        followUp.setAssigneeId(assignee);
    }

    private void assigned(FollowUp followUp, WorkItem item, String by) {
        events.publishEvent(new FollowUpAssigned(Objects.requireNonNull(followUp.getId()), item.recordType(), item.id(),
                followUp.getAssigneeId(), followUp.getTitle(), by));
    }

    private void requireMayChange(FollowUp followUp, WorkItem item) {
        long me = work.myId();
        if (followUp.getAssigneeId() != me && !item.mayWork(me, CurrentUser.require().roles())) {
            throw new RefusedException("refused.activity-record");
        }
    }

    private FollowUp loadForChange(long id, long expectedVersion) {
        FollowUp followUp = followUps.findById(id)
                .orElseThrow(() -> new InvalidInputException("id", "followup.error.not-found", id));
        if (followUp.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("Follow-up " + id, followUp.getUpdatedBy(), followUp.getUpdatedAt());
        }
        return followUp;
    }

    private List<FollowUp> jdbcFollowUps(String sql, Object... args) {
        List<Long> ids = jdbc.query(sql, (rs, n) -> rs.getLong("id"), args);
        Map<Long, FollowUp> byId = new HashMap<>();
        followUps.findAllById(ids).forEach(f -> byId.put(f.getId(), f));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private Map<String, Map<Long, String>> recordNames(List<FollowUp> list) {
        Map<String, List<Long>> ids = new HashMap<>();
        list.forEach(f -> ids.computeIfAbsent(f.getRecordType(), t -> new ArrayList<>()).add(f.getRecordId()));
        return work.names(ids);
    }

    private List<FollowUpEntry> entries(List<FollowUp> list) {
        Map<String, Map<Long, String>> names = recordNames(list);
        Map<Long, String> people = users.displayNames();
        Instant now = clock.instant();
        return list.stream().map(f -> entry(f, names.getOrDefault(f.getRecordType(), Map.of())
                .getOrDefault(f.getRecordId(), "#" + f.getRecordId()), people, now)).toList();
    }

    private FollowUpEntry entry(FollowUp f, String recordName, Map<Long, String> people, Instant now) {
        return entry(f, recordName, people, now, true);
    }

    private FollowUpEntry entry(FollowUp f, WorkItem item, Map<Long, String> people, Instant now) {
        long me = work.myId();
        return entry(f, item.name(), people, now,
                f.getAssigneeId() == me || item.mayWork(me, CurrentUser.require().roles()));
    }

    private FollowUpEntry entry(FollowUp f, String recordName, Map<Long, String> people, Instant now, boolean mayChange) {
        boolean open = f.getDoneAt() == null;
        return new FollowUpEntry(Objects.requireNonNull(f.getId()), f.getRecordType(), f.getRecordId(), recordName,
                f.getTitle(), f.getNote(), f.getDueAt(), f.getAssigneeId(), people.getOrDefault(f.getAssigneeId(), "?"),
                f.getDoneAt(), f.getDoneBy(), open && f.getDueAt().isBefore(now), f.getVersion(), mayChange);
    }
}
