package app.funnel.notification;

import app.funnel.activity.WorkNames;
import app.funnel.base.InvalidInputException;
import app.funnel.base.UsersNotified;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The logged-in user's notifications and their choice of channel per kind; nobody reads another's. */
@Service
public class NotificationService {

    private final NotificationStore store;
    private final UserService users;
    private final WorkNames names;
    private final ObjectProvider<JavaMailSender> mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationService(NotificationStore store, UserService users, WorkNames names, ObjectProvider<JavaMailSender> mail,
                        ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.users = users;
        this.names = names;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /** How many of my in-app notifications are unread: the bell's count. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public long unreadCount() {
        return store.unread(myId());
    }

    /** My latest in-app notifications, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public List<NotificationEntry> recent(int limit) {
        return store.recent(myId(), Math.max(1, Math.min(limit, 100))).stream()
                .map(row -> new NotificationEntry(row.id(), row.kind(), row.recordType(), row.recordId(),
                        row.recordType() == null || row.recordId() == null ? "" : names.path(row.recordType(), row.recordId()),
                        row.subject() == null ? "" : row.subject(), row.actor() == null ? "" : row.actor(),
                        row.createdAt(), row.readAt()))
                .toList();
    }

    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public void markRead(long id) {
        long me = myId();
        if (store.markRead(me, id, clock.instant()) > 0) {
            events.publishEvent(new UsersNotified(Set.of(me)));
        }
    }

    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public void markAllRead() {
        long me = myId();
        if (store.markAllRead(me, clock.instant()) > 0) {
            events.publishEvent(new UsersNotified(Set.of(me)));
        }
    }

    /** My channel for every kind (the default where I did not choose). */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public Map<NotificationKind, Channel> channels() {
        return store.channels(myId());
    }

    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public void setChannel(NotificationKind kind, Channel channel) {
        if (kind == null || channel == null) {
            throw new InvalidInputException("channel", "notification.error.channel-required");
        }
        store.setChannel(myId(), kind, channel);
    }

    /** Whether notification mails can be sent here (a mail server is configured). */
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public boolean mailAvailable() {
        return mail.getIfAvailable() != null;
    }

    private long myId() {
        return users.currentId();
    }
}
