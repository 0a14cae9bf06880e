package app.funnel.activity.ui;

import app.funnel.activity.ActivityService;
import app.funnel.activity.FollowUpService;
import app.funnel.base.ui.LiveUpdates;
import app.funnel.user.UserService;
import com.vaadin.flow.component.Component;
import java.time.Clock;

/**
 * Makes the panel of a record's activities and follow-ups for the dialogs of the features that own
 * the records (a Spring bean, so that those features need not know what the panel needs).
 */
@org.springframework.stereotype.Component
public class RecordWorkPanels {

    private final ActivityService activities;
    private final FollowUpService followUps;
    private final UserService users;
    private final LiveUpdates live;
    private final Clock clock;

    RecordWorkPanels(ActivityService activities, FollowUpService followUps, UserService users, LiveUpdates live,
                     Clock clock) {
        this.activities = activities;
        this.followUps = followUps;
        this.users = users;
        this.live = live;
        this.clock = clock;
    }

    /** A new panel for the record; it refreshes itself when someone else changes the record. */
    public Component panel(String recordType, long recordId) {
        return new RecordWorkPanel(activities, followUps, users, live, clock, recordType, recordId);
    }

    /**
     * A notice that stays hidden until someone else changes the record while it is on screen; then
     * it says "X changed this record" with a Reload button: an open form is never overwritten.
     *
     * @param id     the notice's id; its button's is {@code id + "-reload"}
     * @param reload reads the record again and shows it (the notice hides itself first)
     */
    public com.vaadin.flow.component.html.Div changedByOthersNotice(String id, String recordType, long recordId,
                                                                    Runnable reload) {
        com.vaadin.flow.component.html.Div notice = new com.vaadin.flow.component.html.Div();
        notice.setId(id);
        notice.addClassName("funnel-warning");
        notice.setVisible(false);
        String me = app.funnel.security.CurrentUser.get().map(app.funnel.security.CurrentUser::username).orElse("");
        live.subscribe(notice, change -> change.isRecord(recordType, recordId) && !me.equals(change.by()), change -> {
            String by = users.displayNamesByUsername().getOrDefault(change.by(), change.by());
            com.vaadin.flow.component.button.Button again = new com.vaadin.flow.component.button.Button(
                    notice.getTranslation("record.reload"), e -> {
                        notice.setVisible(false);
                        reload.run();
                    });
            again.setId(id + "-reload");
            notice.removeAll();
            notice.add(new com.vaadin.flow.component.html.Span(notice.getTranslation("record.changed-by", by) + " "), again);
            notice.setVisible(true);
        });
        return notice;
    }

    /** Of these records, the ones with an open next step: a list marks the others "No next step". */
    public java.util.Set<Long> withOpenFollowUp(String recordType, java.util.Collection<Long> recordIds) {
        return followUps.withOpenFollowUp(recordType, recordIds);
    }

    /** How many open follow-ups of the record its owner holds: what a reassignment offers to move along. */
    public long openOfOwner(String recordType, long recordId) {
        return followUps.openOfOwner(recordType, recordId);
    }

    /** Moves the record's open follow-ups from its previous owner to its new one; returns how many. */
    public int moveOpen(String recordType, long recordId, long fromOwnerId) {
        return followUps.moveOpen(recordType, recordId, fromOwnerId);
    }
}
