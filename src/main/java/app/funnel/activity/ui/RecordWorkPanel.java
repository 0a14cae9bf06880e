package app.funnel.activity.ui;

import app.funnel.activity.ActivityEntry;
import app.funnel.activity.ActivityInput;
import app.funnel.activity.ActivityKind;
import app.funnel.activity.ActivityOutcome;
import app.funnel.activity.ActivityService;
import app.funnel.activity.FollowUpEntry;
import app.funnel.activity.FollowUpInput;
import app.funnel.activity.FollowUpService;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Badges;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.LiveUpdates;
import app.funnel.base.ui.Messages;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A record's activities and follow-ups: its next steps (done or not, overdue marked, "no next step"
 * when an SQL or open deal has none), a form to plan one, a form to log a call, e-mail, meeting or
 * note, and the timeline newest first, a page at a time. It refreshes its lists (never the forms)
 * when someone else changes the record.
 */
final class RecordWorkPanel extends Div {

    private static final int PAGE = 20;

    private final ActivityService activities;
    private final FollowUpService followUps;
    private final UserService users;
    private final LiveUpdates live;
    private final Clock clock;
    private final String recordType;
    private final long recordId;

    private final Div nextStep = new Div();
    private final Div followUpList = new Div();
    private final Div timeline = new Div();
    private final Button more = new Button();
    private int shown = PAGE;

    RecordWorkPanel(ActivityService activities, FollowUpService followUps, UserService users, LiveUpdates live,
                    Clock clock, String recordType, long recordId) {
        this.activities = activities;
        this.followUps = followUps;
        this.users = users;
        this.live = live;
        this.clock = clock;
        this.recordType = recordType;
        this.recordId = recordId;
        addClassName("funnel-record-work");
        setId("record-work");
        boolean mayWork = activities.mayWork(recordType, recordId);

        H3 title = new H3(getTranslation("work.title"));
        nextStep.setId("work-next-step");
        Div heading = new Div(title, nextStep);
        heading.addClassName("funnel-record-work-heading");
        add(heading);

        add(new H4(getTranslation("work.follow-ups")));
        followUpList.setId("work-follow-ups");
        add(followUpList);
        if (mayWork) {
            add(followUpForm());
        }

        add(new H4(getTranslation("work.activities")));
        if (mayWork) {
            add(activityForm());
        }
        timeline.setId("work-timeline");
        add(timeline);
        more.setId("work-more");
        more.addThemeVariants(ButtonVariant.TERTIARY);
        more.addClickListener(e -> {
            shown += PAGE;
            refresh();
        });
        add(more);
        refresh();
        String me = CurrentUser.get().map(CurrentUser::username).orElse("");
        // a colleague's change to this record: shown without a reload; what is being typed stays
        live.subscribe(this, change -> change.isRecord(recordType, recordId) && !me.equals(change.by()),
                change -> refresh());
    }

    /** Reads the lists again. */
    void refresh() {
        nextStep.removeAll();
        if (followUps.lacksNextStep(recordType, recordId)) {
            nextStep.add(Badges.of(getTranslation("work.no-next-step"), Badges.Tone.WARN));
        }
        followUpList.removeAll();
        List<FollowUpEntry> steps = followUps.ofRecord(recordType, recordId);
        if (steps.isEmpty()) {
            followUpList.add(muted(getTranslation("work.no-follow-ups")));
        }
        steps.forEach(step -> followUpList.add(followUpRow(step)));

        timeline.removeAll();
        ActivityService.Timeline page = activities.timeline(recordType, recordId, 0, shown);
        if (page.entries().isEmpty()) {
            timeline.add(muted(getTranslation("work.no-activities")));
        }
        page.entries().forEach(entry -> timeline.add(activityRow(entry)));
        more.setText(getTranslation("work.more", page.total() - page.entries().size()));
        more.setVisible(page.total() > page.entries().size());
    }

    // --- follow-ups ---

    private Component followUpRow(FollowUpEntry step) {
        Div row = new Div();
        row.addClassName("funnel-work-row");
        row.getElement().setAttribute("data-follow-up", String.valueOf(step.id()));
        Checkbox done = new Checkbox(step.title(), !step.open());
        done.setEnabled(step.mayChange());
        done.setAriaLabel(getTranslation("work.done", step.title()));
        done.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> followUps.setDone(step.id(), step.version(), e.getValue()));
            }
        });
        row.add(done);
        Span when = new Span(getTranslation("work.due-by", Messages.dateTime(step.dueAt()), step.assigneeName()));
        when.addClassName("funnel-muted");
        row.add(when);
        if (step.overdue()) {
            row.add(Badges.of(getTranslation("work.overdue"), Badges.Tone.BAD));
            row.addClassName("overdue");
        }
        if (step.note() != null) {
            row.add(new Paragraph(step.note()));
        }
        return row;
    }

    private Component followUpForm() {
        TextField title = Fields.text(getTranslation("work.follow-up.title"), 200);
        title.setId("follow-up-title");
        title.setPlaceholder(getTranslation("work.follow-up.placeholder"));
        DateTimePicker due = new DateTimePicker(getTranslation("work.follow-up.due"));
        due.setId("follow-up-due");
        Fields.localize(due);
        ZoneId zone = Messages.zone(getUI().orElse(com.vaadin.flow.component.UI.getCurrent()));
        due.setValue(LocalDateTime.of(LocalDateTime.now(clock.withZone(zone)).toLocalDate().plusDays(1),
                LocalTime.of(9, 0)));
        ComboBox<UserSummary> assignee = new ComboBox<>(getTranslation("work.follow-up.assignee"));
        assignee.setId("follow-up-assignee");
        assignee.setPlaceholder(getTranslation("work.follow-up.owner"));
        assignee.setClearButtonVisible(true);
        Map<Long, UserSummary> people = new LinkedHashMap<>();
        for (Role role : List.of(Role.SALES, Role.MARKETING, Role.LEADERSHIP)) {
            users.enabledWithRole(role).forEach(u -> people.putIfAbsent(u.id(), u));
        }
        assignee.setItems(people.values());
        assignee.setItemLabelGenerator(UserSummary::displayName);
        Button add = new Button(getTranslation("work.follow-up.add"));
        add.setId("follow-up-add");
        add.addClickListener(e -> {
            Map<String, HasValidation> fields = Map.of("title", title, "dueAt", due, "assigneeId", assignee);
            clear(fields);
            Instant at = due.getValue() == null ? null : due.getValue().atZone(zone).toInstant();
            boolean ok = act(() -> followUps.add(recordType, recordId, new FollowUpInput(title.getValue(), at,
                    assignee.getValue() == null ? null : assignee.getValue().id(), null)), fields);
            if (ok) {
                title.clear();
                Messages.success(getTranslation("work.follow-up.added"));
            }
        });
        Div form = new Div(title, due, assignee, add);
        form.addClassName("funnel-work-form");
        form.setId("follow-up-form");
        return form;
    }

    // --- activities ---

    private Component activityRow(ActivityEntry entry) {
        Div row = new Div();
        row.addClassName("funnel-work-row");
        row.addClassName("activity");
        row.getElement().setAttribute("data-activity", String.valueOf(entry.id()));
        Div head = new Div();
        head.add(Badges.of(getTranslation("activity.kind." + entry.kind().name())));
        if (entry.outcome() != null) {
            head.add(new Span(" " + getTranslation("activity.outcome." + entry.outcome().name())));
        }
        Span meta = new Span(" · " + Messages.dateTime(entry.occurredAt()) + " · " + entry.authorName()
                + (entry.edited() ? " · " + getTranslation("work.edited") : ""));
        meta.addClassName("funnel-muted");
        head.add(meta);
        if (entry.privateNote()) {
            head.add(Badges.of(getTranslation("work.private"), Badges.Tone.PLAIN));
        }
        row.add(head);
        Paragraph body = new Paragraph(entry.body());
        body.addClassName("funnel-work-body");
        row.add(body);
        if (entry.people() != null) {
            Span people = new Span(getTranslation("work.people-were", entry.people()));
            people.addClassName("funnel-muted");
            row.add(people);
        }
        Div actions = new Div();
        if (entry.edited()) {
            // what it said before each edit, kept
            Div earlier = new Div();
            earlier.addClassName("funnel-work-earlier");
            Button show = new Button(getTranslation("work.earlier"), e -> {
                earlier.removeAll();
                for (ActivityService.Revision revision : activities.revisions(entry.id())) {
                    Paragraph was = new Paragraph(getTranslation("work.earlier-line", Messages.dateTime(revision.changedAt()),
                            revision.changedBy(), revision.body()));
                    was.addClassName("funnel-muted");
                    earlier.add(was);
                }
                e.getSource().setVisible(false);
            });
            show.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            actions.add(show);
            row.add(earlier);
        }
        if (entry.mayChange()) {
            Button edit = new Button(getTranslation("work.edit"), e -> {
                row.removeAll();
                row.add(activityEditor(entry));
            });
            edit.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            Button delete = new Button(getTranslation("work.delete"), e -> act(() -> {
                activities.delete(entry.id(), entry.version());
                return entry;
            }));
            delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
            actions.add(edit, delete);
        }
        if (actions.getComponentCount() > 0) {
            row.add(actions);
        }
        return row;
    }

    private Component activityForm() {
        ActivityFields fields = new ActivityFields(null);
        Button log = new Button(getTranslation("work.log"));
        log.setId("activity-log");
        log.addClickListener(e -> {
            clear(fields.validated());
            boolean ok = act(() -> activities.log(recordType, recordId, fields.input()), fields.validated());
            if (ok) {
                fields.reset();
                Messages.success(getTranslation("work.logged"));
            }
        });
        Div form = new Div(fields.layout(), log);
        form.addClassName("funnel-work-form");
        form.setId("activity-form");
        return form;
    }

    private Component activityEditor(ActivityEntry entry) {
        ActivityFields fields = new ActivityFields(entry);
        Button save = new Button(getTranslation("work.save"), e -> {
            clear(fields.validated());
            act(() -> activities.edit(entry.id(), entry.version(), fields.input()), fields.validated());
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("work.cancel"), e -> refresh());
        return new Div(fields.layout(), new Div(save, cancel));
    }

    /** The fields of an activity, for logging one or editing it. */
    private final class ActivityFields {
        final Select<ActivityKind> kind = new Select<>();
        final Select<ActivityOutcome> outcome = new Select<>();
        final DateTimePicker when = new DateTimePicker();
        final TextArea body = new TextArea();
        final TextField people;
        final Checkbox privateNote = new Checkbox();
        final ZoneId zone = Messages.zone(com.vaadin.flow.component.UI.getCurrent());

        ActivityFields(@Nullable ActivityEntry entry) {
            kind.setLabel(getTranslation("work.kind"));
            kind.setItems(ActivityKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("activity.kind." + k.name()));
            kind.setId(entry == null ? "activity-kind" : "activity-edit-kind");
            outcome.setLabel(getTranslation("work.outcome"));
            outcome.setItemLabelGenerator(o -> o == null ? "" : getTranslation("activity.outcome." + o.name()));
            outcome.setEmptySelectionAllowed(true);
            outcome.setEmptySelectionCaption(getTranslation("work.outcome-none"));
            outcome.setId(entry == null ? "activity-outcome" : "activity-edit-outcome");
            kind.addValueChangeListener(e -> {
                List<ActivityOutcome> allowed = e.getValue() == null ? List.of() : e.getValue().outcomes();
                ActivityOutcome was = outcome.getValue();
                outcome.setItems(allowed);
                outcome.setValue(was != null && allowed.contains(was) ? was : null);
                outcome.setVisible(!allowed.isEmpty());
            });
            when.setLabel(getTranslation("work.when"));
            Fields.localize(when);
            when.setId(entry == null ? "activity-when" : "activity-edit-when");
            body.setLabel(getTranslation("work.body"));
            body.setId(entry == null ? "activity-body" : "activity-edit-body");
            body.setWidthFull();
            body.setMinRows(2);
            Fields.limit(body, 5000);
            people = Fields.text(getTranslation("work.people"), 500);
            people.setId(entry == null ? "activity-people" : "activity-edit-people");
            privateNote.setLabel(getTranslation("work.private-label"));
            privateNote.setId(entry == null ? "activity-private" : "activity-edit-private");
            if (entry != null) {
                kind.setValue(entry.kind());
                outcome.setValue(entry.outcome());
                when.setValue(LocalDateTime.ofInstant(entry.occurredAt(), zone));
                body.setValue(entry.body());
                people.setValue(entry.people() == null ? "" : entry.people());
                privateNote.setValue(entry.privateNote());
            } else {
                reset();
            }
        }

        void reset() {
            kind.setValue(ActivityKind.CALL);
            outcome.setValue(null);
            when.setValue(LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0));
            body.clear();
            people.clear();
            privateNote.setValue(false);
        }

        Component layout() {
            Div line = new Div(kind, outcome, when);
            line.addClassName("funnel-work-line");
            return new Div(line, body, people, privateNote);
        }

        Map<String, HasValidation> validated() {
            return Map.of("kind", kind, "outcome", outcome, "occurredAt", when, "body", body, "people", people);
        }

        ActivityInput input() {
            Instant at = when.getValue() == null ? null : when.getValue().atZone(zone).toInstant();
            return new ActivityInput(kind.getValue(), at, outcome.getValue(), body.getValue(), people.getValue(),
                    privateNote.getValue());
        }
    }

    // --- shared ---

    private boolean act(Supplier<?> change) {
        return act(change, Map.of());
    }

    /** Runs a change; a refusal goes to the field it names, a conflict says who changed what; the lists are read again. */
    private boolean act(Supplier<?> change, Map<String, ? extends HasValidation> fields) {
        try {
            change.get();
            refresh();
            return true;
        } catch (InvalidInputException problem) {
            Messages.show(this, problem, null, fields);
        } catch (ConcurrentChangeException conflict) {
            Messages.show(this, conflict);
            refresh();
        }
        return false;
    }

    private static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("funnel-muted");
        return span;
    }
}
