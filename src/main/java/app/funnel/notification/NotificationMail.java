package app.funnel.notification;

import app.funnel.base.Translations;
import app.funnel.security.SystemTask;
import app.funnel.user.Recipient;
import app.funnel.user.UserService;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued notification mails when a mail server is configured ({@code SPRING_MAIL_HOST}):
 * one mail per user and kind with everything of that kind that waited, at most one per
 * {@code funnel.notifications.mail-window}, in the user's language, with links to the records. A
 * mail that fails is tried again later ({@code funnel.notifications.mail-retry}, by default 1, 2, 4... minutes,
 * {@value #MAX_ATTEMPTS} times); the change that caused it never waits for the mail server.
 */
@Component
class NotificationMail {

    static final int MAX_ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

    private final NotificationStore store;
    private final UserService users;
    private final app.funnel.activity.WorkNames names;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NotificationMail(NotificationStore store, UserService users, app.funnel.activity.WorkNames names,
                     ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
                     TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.users = users;
        this.names = names;
        this.mail = mail;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${funnel.notifications.mail-interval:30s}", initialDelayString = "10s")
    @SchedulerLock(name = "notification-mail", lockAtMostFor = "PT10M")
    void scheduled() {
        sendWaiting();
    }

    /** Sends what may go now; returns how many mails went out. */
    int sendWaiting() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        return SystemTask.run("notification-mail", () -> {
            int sent = 0;
            for (long[] box : store.pendingMailboxes(clock.instant(), 200)) {
                NotificationKind kind = NotificationKind.values()[(int) box[1]];
                Boolean ok = transaction.execute(status -> sendOne(sender, box[0], kind));
                if (Boolean.TRUE.equals(ok)) {
                    sent++;
                }
            }
            return sent;
        });
    }

    private boolean sendOne(JavaMailSender sender, long userId, NotificationKind kind) {
        Instant now = clock.instant();
        List<NotificationStore.Row> rows = store.claimPending(userId, kind, now);
        if (rows.isEmpty()) {
            return false;
        }
        Instant last = store.lastMailed(userId, kind);
        if (last != null && last.plus(properties.mailWindow()).isAfter(now)) {
            store.postpone(rows, last.plus(properties.mailWindow()));
            return false;
        }
        Recipient to = users.recipients(Set.of(userId)).get(userId);
        if (to == null) {
            store.failed(rows, now, 0);
            return false;
        }
        try {
            sender.send(message(sender, to, kind, rows));
            store.mailed(rows, now);
            return true;
        } catch (Exception failed) {
            int attempts = rows.getFirst().mailAttempts();
            log.warn("Notification mail to {} failed (attempt {}): {}", to.username(), attempts + 1, failed.toString());
            store.failed(rows, now.plus(properties.mailRetry().multipliedBy(1L << Math.min(attempts, 10))), MAX_ATTEMPTS);
            return false;
        }
    }

    private MimeMessage message(JavaMailSender sender, Recipient to, NotificationKind kind,
                                List<NotificationStore.Row> rows) throws jakarta.mail.MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(to.email());
        helper.setSubject(Translations.text(to.locale(), "mail.subject." + kind.name(), rows.size()));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(to.locale()).withZone(clock.getZone());
        StringBuilder body = new StringBuilder(Translations.text(to.locale(), "mail.greeting", to.displayName()))
                .append("\n\n");
        for (NotificationStore.Row row : rows) {
            body.append("- ").append(Translations.text(to.locale(), "notification.text." + kind.name(),
                    row.actor() == null ? "" : row.actor(), row.subject() == null ? "" : row.subject()))
                    .append(" (").append(when.format(row.createdAt())).append(")\n");
            if (row.recordType() != null && row.recordId() != null) {
                body.append("  ").append(link(names.path(row.recordType(), row.recordId()))).append('\n');
            } else if (kind == NotificationKind.DEFINITION_PUBLISHED) {
                body.append("  ").append(link("definitions")).append('\n');
            }
        }
        body.append('\n').append(Translations.text(to.locale(), "mail.footer", link("notifications")));
        helper.setText(body.toString(), false);
        return message;
    }

    private String link(String path) {
        String base = properties.publicUrl().endsWith("/") ? properties.publicUrl() : properties.publicUrl() + "/";
        return base + path;
    }
}
