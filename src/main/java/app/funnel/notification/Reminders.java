package app.funnel.notification;

import app.funnel.activity.FollowUpService;
import app.funnel.lead.LeadService;
import app.funnel.security.SystemTask;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds people of what comes due: a follow-up whose time has come ("due now", to its assignee)
 * and an SQL whose first-touch deadline is near ("SLA about to pass", to its owner). Each is sent
 * once: the job holds a ShedLock row so that one node runs it at a time, and each reminder has a
 * once-key that the database keeps unique, so that even two runs cannot send it twice.
 */
@Component
class Reminders {

    private final FollowUpService followUps;
    private final LeadService leads;
    private final Notifier notifier;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reminders(FollowUpService followUps, LeadService leads, Notifier notifier, NotificationProperties properties,
              TransactionTemplate transaction, Clock clock) {
        this.followUps = followUps;
        this.leads = leads;
        this.notifier = notifier;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${funnel.notifications.reminder-interval:30s}", initialDelayString = "15s")
    @SchedulerLock(name = "reminders", lockAtMostFor = "PT10M")
    void scheduled() {
        remind();
    }

    /** Sends the reminders that are due now; returns how many. */
    int remind() {
        return SystemTask.run("reminders", () -> {
            Integer n = transaction.execute(status -> {
                int count = 0;
                for (FollowUpService.Due due : followUps.claimDue(500)) {
                    notifier.remind(due.assigneeId(), NotificationKind.FOLLOW_UP_DUE, due.recordType(), due.recordId(),
                            due.title() + " · " + due.recordName(),
                            "due:" + due.id() + ":" + due.dueAt().getEpochSecond());
                    count++;
                }
                for (LeadService.SqlLine sql : leads.slaPassingBefore(clock.instant().plus(properties.slaWarning()), 500)) {
                    java.time.Instant due = java.util.Objects.requireNonNull(sql.firstTouchDueAt());
                    notifier.remind(sql.ownerId(), NotificationKind.SLA_SOON, app.funnel.lead.LeadStatus.LIFECYCLE.recordType(), sql.id(), sql.name(),
                            "sla:" + sql.id() + ":" + due.getEpochSecond());
                    count++;
                }
                return count;
            });
            return n == null ? 0 : n;
        });
    }
}
