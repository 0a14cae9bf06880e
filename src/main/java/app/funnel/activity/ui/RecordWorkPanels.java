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
     * Calls {@code changed} with the username of whoever else changes the record while the
     * component is on screen: an open form says "changed by X, reload" instead of overwriting.
     */
    public void onChangedByOthers(Component component, String recordType, long recordId,
                                  java.util.function.Consumer<String> changed) {
        String me = app.funnel.security.CurrentUser.get().map(app.funnel.security.CurrentUser::username).orElse("");
        live.subscribe(component, change -> change.isRecord(recordType, recordId) && !me.equals(change.by()),
                change -> changed.accept(users.displayNamesByUsername().getOrDefault(change.by(), change.by())));
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
