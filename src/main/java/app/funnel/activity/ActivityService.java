package app.funnel.activity;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.RecordTouched;
import app.funnel.base.RefusedException;
import app.funnel.base.Texts;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.statistics.HistoryMoved;
import app.funnel.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities on leads and deals: who may log them is the record's rule ({@link WorkItem#mayWork});
 * only their author or leadership edits or deletes them, and every earlier version is kept. A
 * private note is read by its author, the record's owner and leadership.
 */
@Service
public class ActivityService {

    static final int BODY_MAX = 5000;
    static final int PEOPLE_MAX = 500;
    /** An activity is logged after it happened; a clock a little ahead on the user's side is forgiven. */
    static final Duration FUTURE_SLACK = Duration.ofMinutes(5);

    private final ActivityRepository activities;
    private final Work work;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ActivityService(ActivityRepository activities, Work work, UserService users, ApplicationEventPublisher events,
                    JdbcTemplate jdbc, Clock clock) {
        this.activities = activities;
        this.work = work;
        this.users = users;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page of the record's timeline, newest first, and how many entries it has in all. */
    public record Timeline(List<ActivityEntry> entries, long total) {
    }

    /** Logs an activity on a record the current user may work on. */
    @Transactional
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public ActivityEntry log(String recordType, long recordId, ActivityInput input) {
        WorkItem item = work.requireWork(recordType, recordId);
        Instant now = clock.instant();
        CurrentUser me = CurrentUser.require();
        Activity activity = new Activity(item.recordType(), item.id(), work.myId(), now, me.username());
        apply(activity, input, now);
        activities.saveAndFlush(activity);
        events.publishEvent(new ActivityLogged(item.recordType(), item.id(), activity.getKind(),
                activity.getOccurredAt(), me.username()));
        events.publishEvent(new RecordTouched(item.recordType(), item.id(), item.ownerId(), me.username()));
        return entry(activity, item, Map.of(activity.getAuthorId(), me.displayName()), false);
    }

    /** The record's timeline as the current user may read it, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public Timeline timeline(String recordType, long recordId, int offset, int limit) {
        WorkItem item = work.require(recordType, recordId);
        long me = work.myId();
        boolean privateToo = item.mayReadPrivate(me, CurrentUser.require().roles());
        int size = Math.max(1, Math.min(limit, 200));
        List<Activity> page = activities.timeline(item.recordType(), item.id(), privateToo, me,
                PageRequest.of(Math.max(0, offset) / size, size));
        Map<Long, String> names = users.displayNames();
        List<Long> edited = editedAmong(page);
        List<ActivityEntry> entries = page.stream()
                .map(a -> entry(a, item, names, edited.contains(a.getId()))).toList();
        return new Timeline(entries, activities.countTimeline(item.recordType(), item.id(), privateToo, me));
    }

    /** Whether the current user may log on the record and plan its follow-ups (the UI hides the forms otherwise). */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public boolean mayWork(String recordType, long recordId) {
        return work.require(recordType, recordId).mayWork(work.myId(), CurrentUser.require().roles());
    }

    /** Changes an activity (its author or leadership); the text before is kept. */
    @Transactional
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public ActivityEntry edit(long activityId, long expectedVersion, ActivityInput input) {
        Activity activity = loadForChange(activityId, expectedVersion);
        WorkItem item = work.require(activity.getRecordType(), activity.getRecordId());
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        keep(activity, "EDIT", now, by);
        apply(activity, input, now);
        activity.touched(now, by);
        activities.saveAndFlush(activity);
        events.publishEvent(new RecordTouched(item.recordType(), item.id(), item.ownerId(), by));
        return entry(activity, item, users.displayNames(), true);
    }

    /** Deletes an activity (its author or leadership): it leaves the timeline, its texts are kept. */
    @Transactional
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public void delete(long activityId, long expectedVersion) {
        Activity activity = loadForChange(activityId, expectedVersion);
        WorkItem item = work.require(activity.getRecordType(), activity.getRecordId());
        Instant now = clock.instant();
        String by = CurrentUser.require().username();
        keep(activity, "DELETE", now, by);
        activity.deleted(now, by);
        activities.saveAndFlush(activity);
        events.publishEvent(new RecordTouched(item.recordType(), item.id(), item.ownerId(), by));
    }

    /** An activity's earlier versions, newest first: what it said before each edit or its deletion. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<Revision> revisions(long activityId) {
        Activity activity = load(activityId);
        WorkItem item = work.require(activity.getRecordType(), activity.getRecordId());
        requireReadable(activity, item);
        return jdbc.query("SELECT action, kind, occurred_at, outcome, body, people, changed_at, changed_by "
                        + "FROM activity_revision WHERE activity_id = ? ORDER BY changed_at DESC, id DESC",
                (rs, n) -> new Revision(rs.getString(1), ActivityKind.valueOf(rs.getString(2)),
                        app.funnel.base.Utc.readRequired(rs, 3),
                        rs.getString(4) == null ? null : ActivityOutcome.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), app.funnel.base.Utc.readRequired(rs, 7), rs.getString(8)), activityId);
    }

    /** What an activity said before an edit ({@code EDIT}) or its deletion ({@code DELETE}). */
    public record Revision(String action, ActivityKind kind, Instant occurredAt,
                           @org.jspecify.annotations.Nullable ActivityOutcome outcome,
                           String body, @org.jspecify.annotations.Nullable String people,
                           Instant changedAt, String changedBy) {
    }

    /**
     * Of these records, the ones anyone logged an activity or planned a follow-up on: work that an
     * owning feature must not throw away with the record (an import's undo keeps such leads).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public java.util.Set<Long> withWork(String recordType, java.util.Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return java.util.Set.of();
        }
        String in = "(" + String.join(",", java.util.Collections.nCopies(recordIds.size(), "?")) + ")";
        java.util.List<Object> args = new java.util.ArrayList<>();
        args.add(recordType);
        args.addAll(recordIds);
        args.add(recordType);
        args.addAll(recordIds);
        return new java.util.HashSet<>(jdbc.queryForList("SELECT record_id FROM activity WHERE record_type = ? "
                + "AND record_id IN " + in + " UNION SELECT record_id FROM follow_up WHERE record_type = ? "
                + "AND record_id IN " + in, Long.class, args.toArray()));
    }

    /** A merged lead's activities go with it to the lead that survives. */
    @EventListener
    void moved(HistoryMoved moved) {
        activities.move(moved.lifecycle().recordType(), moved.fromId(), moved.toId());
    }

    // --- rules ---

    private void apply(Activity activity, ActivityInput input, Instant now) {
        if (input.kind() == null) {
            throw new InvalidInputException("kind", "activity.error.kind-required");
        }
        Instant at = input.occurredAt() == null ? now : input.occurredAt();
        if (at.isAfter(now.plus(FUTURE_SLACK))) {
            throw new InvalidInputException("occurredAt", "activity.error.in-future");
        }
        if (input.outcome() != null && !input.kind().outcomes().contains(input.outcome())) {
            throw new InvalidInputException("outcome", "activity.error.outcome-kind");
        }
        activity.setKind(input.kind());
        activity.setOccurredAt(at);
        activity.setOutcome(input.outcome());
        activity.setBody(Texts.required(input.body(), "body", BODY_MAX, "activity.error.body-required"));
        activity.setPeople(Texts.optional(input.people(), "people", PEOPLE_MAX));
        activity.setPrivateNote(input.privateNote());
    }

    private void keep(Activity activity, String action, Instant now, String by) {
        jdbc.update("INSERT INTO activity_revision (activity_id, action, kind, occurred_at, outcome, body, people, "
                        + "changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                activity.getId(), action, activity.getKind().name(), app.funnel.base.Utc.of(activity.getOccurredAt()),
                activity.getOutcome() == null ? null : activity.getOutcome().name(), activity.getBody(),
                activity.getPeople(), app.funnel.base.Utc.of(now), by);
    }

    private List<Long> editedAmong(List<Activity> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT DISTINCT activity_id FROM activity_revision WHERE activity_id IN ("
                + String.join(",", java.util.Collections.nCopies(page.size(), "?")) + ")", Long.class,
                page.stream().map(Activity::getId).toArray());
    }

    private ActivityEntry entry(Activity a, WorkItem item, Map<Long, String> names, boolean edited) {
        CurrentUser me = CurrentUser.require();
        boolean mayChange = a.getAuthorId() == work.myId() || me.has(Role.LEADERSHIP);
        return new ActivityEntry(java.util.Objects.requireNonNull(a.getId()), a.getRecordType(), a.getRecordId(),
                a.getKind(), a.getOccurredAt(), a.getOutcome(), a.getBody(), a.getPeople(), a.isPrivateNote(),
                a.getAuthorId(), names.getOrDefault(a.getAuthorId(), "?"), a.getUpdatedAt(), a.getUpdatedBy(), edited,
                a.getVersion(), mayChange);
    }

    private void requireReadable(Activity activity, WorkItem item) {
        long me = work.myId();
        if (activity.isPrivateNote() && activity.getAuthorId() != me
                && !item.mayReadPrivate(me, CurrentUser.require().roles())) {
            throw new RefusedException("refused.activity-private");
        }
    }

    private Activity load(long id) {
        return activities.findById(id).filter(a -> a.getDeletedAt() == null)
                .orElseThrow(() -> new InvalidInputException("id", "activity.error.not-found", id));
    }

    private Activity loadForChange(long id, long expectedVersion) {
        Activity activity = load(id);
        if (activity.getAuthorId() != work.myId() && !CurrentUser.require().has(Role.LEADERSHIP)) {
            throw new RefusedException("refused.activity-author");
        }
        if (activity.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("Activity " + id, activity.getUpdatedBy(), activity.getUpdatedAt());
        }
        return activity;
    }
}
