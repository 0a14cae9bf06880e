package app.funnel.notification;

import app.funnel.activity.FollowUpAssigned;
import app.funnel.activity.WorkNames;
import app.funnel.base.RecordReassigned;
import app.funnel.base.UsersNotified;
import app.funnel.definition.VersionPublished;
import app.funnel.statistics.FunnelStep;
import app.funnel.statistics.StateChanged;
import app.funnel.user.UserService;
import java.time.Clock;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Turns what happened into notifications, in the transaction of the change (nothing is told about
 * a change that rolled back, nothing committed goes untold). Nobody is told of their own doing.
 * The mail is only queued here; {@link NotificationMail} sends it later, so a mail server that is
 * down never blocks or undoes a change.
 */
@Component
class Notifier {

    private static final String LEADS = app.funnel.lead.LeadStatus.LIFECYCLE.recordType();

    private final NotificationStore store;
    private final UserService users;
    private final WorkNames names;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;

    Notifier(NotificationStore store, UserService users, WorkNames names, ApplicationEventPublisher events,
             ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.store = store;
        this.users = users;
        this.names = names;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
    }

    @EventListener
    void stateChanged(StateChanged change) {
        if (change.from() == null) {
            return;
        }
        String type = change.lifecycle().recordType();
        NotificationKind kind;
        if (type.equals(LEADS) && change.to().step() == FunnelStep.SQL && change.from().step() == FunnelStep.MQL) {
            kind = NotificationKind.SQL_HANDED_OVER;
        } else if (type.equals(LEADS) && change.to().step() == FunnelStep.MQL && change.from().step() == FunnelStep.SQL) {
            kind = NotificationKind.SQL_RETURNED;
        } else if (type.equals(app.funnel.opportunity.Stage.LIFECYCLE.recordType())) {
            kind = NotificationKind.DEAL_MOVED;
        } else {
            return;
        }
        notifyOther(change.ownerId(), kind, type, change.recordId(), change.by(), null);
    }

    @EventListener
    void reassigned(RecordReassigned reassigned) {
        notifyOther(reassigned.toOwnerId(), NotificationKind.REASSIGNED, reassigned.recordType(),
                reassigned.recordId(), reassigned.by(), null);
    }

    @EventListener
    void followUpAssigned(FollowUpAssigned assigned) {
        notifyOther(assigned.assigneeId(), NotificationKind.FOLLOW_UP_ASSIGNED, assigned.recordType(),
                assigned.recordId(), assigned.by(), assigned.title() + " · " + names.name(assigned.recordType(),
                        assigned.recordId()));
    }

    @EventListener
    void published(VersionPublished published) {
        String actor = actor(published.by());
        long publisher = users.byUsername(published.by()).map(u -> u.id()).orElse(-1L);
        java.util.Set<Long> told = new java.util.HashSet<>();
        for (long userId : users.enabledIds()) {
            if (userId == publisher) {
                continue;
            }
            if (store(userId, NotificationKind.DEFINITION_PUBLISHED, null, null, actor,
                    "v" + published.version() + " · " + published.changeNote(), null)) {
                told.add(userId);
            }
        }
        if (!told.isEmpty()) {
            events.publishEvent(new UsersNotified(told));
        }
    }

    /**
     * One notification per person for a bulk action, naming the first records and how many more:
     * "Ana Souza, Bruno Lima, Carla Dias +34" (names need no translation).
     */
    @EventListener
    void bulkChanged(app.funnel.base.BulkChanged bulk) {
        NotificationKind kind = NotificationKind.valueOf(bulk.kind());
        String actor = actor(bulk.by());
        java.util.Set<Long> told = new java.util.HashSet<>();
        bulk.byUser().forEach((userId, records) -> {
            if (records.isEmpty() || users.usernameOf(userId).map(bulk.by()::equals).orElse(true)) {
                return;
            }
            String subject = String.join(", ", records.stream().limit(3)
                    .map(id -> names.name(bulk.recordType(), id)).toList())
                    + (records.size() > 3 ? " +" + (records.size() - 3) : "");
            if (store(userId, kind, bulk.recordType(), records.getFirst(), actor, subject, null)) {
                told.add(userId);
            }
        });
        if (!told.isEmpty()) {
            events.publishEvent(new UsersNotified(told));
        }
    }

    /** A reminder, stored once for its key whichever node or run tries again. */
    void remind(long userId, NotificationKind kind, String recordType, long recordId, String subject, String onceKey) {
        if (store(userId, kind, recordType, recordId, "", subject, onceKey)) {
            events.publishEvent(new UsersNotified(Set.of(userId)));
        }
    }

    /** Tells the user, unless they did it themselves. */
    private void notifyOther(long userId, NotificationKind kind, String recordType, long recordId, String by,
                             @Nullable String subject) {
        if (app.funnel.base.BulkScope.active()) {
            return; // told once at the action's end (bulkChanged)
        }
        if (users.usernameOf(userId).map(by::equals).orElse(true)) {
            return;
        }
        String about = subject != null ? subject : names.name(recordType, recordId);
        if (store(userId, kind, recordType, recordId, actor(by), about, null)) {
            events.publishEvent(new UsersNotified(Set.of(userId)));
        }
    }

    private boolean store(long userId, NotificationKind kind, @Nullable String recordType, @Nullable Long recordId,
                          String actor, String subject, @Nullable String onceKey) {
        Channel channel = store.channel(userId, kind);
        boolean mailOn = mail.getIfAvailable() != null;
        // without a mail server, "e-mail only" still reaches the user: in the app
        boolean inApp = channel.inApp() || (channel == Channel.EMAIL && !mailOn);
        boolean byMail = channel.mail() && mailOn;
        if (!inApp && !byMail) {
            return false;
        }
        return store.insert(userId, kind, recordType, recordId, actor, subject, inApp, byMail, clock.instant(), onceKey)
                && inApp;
    }

    private String actor(String username) {
        if (username.startsWith("form:")) {
            return username.substring("form:".length());
        }
        return users.displayNamesByUsername().getOrDefault(username, username);
    }
}
