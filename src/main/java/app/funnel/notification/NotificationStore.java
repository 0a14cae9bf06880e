package app.funnel.notification;

import app.funnel.base.Utc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The notification rows (also the mail outbox) and each user's channel per kind. */
@Repository
class NotificationStore {

    private final JdbcTemplate jdbc;

    NotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Channel channel(long userId, NotificationKind kind) {
        List<String> found = jdbc.queryForList("SELECT channel FROM notification_preference WHERE user_id = ? AND kind = ?",
                String.class, userId, kind.name());
        return found.isEmpty() ? kind.byDefault() : Channel.valueOf(found.getFirst());
    }

    Map<NotificationKind, Channel> channels(long userId) {
        Map<NotificationKind, Channel> channels = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            channels.put(kind, kind.byDefault());
        }
        jdbc.query("SELECT kind, channel FROM notification_preference WHERE user_id = ?", rs -> {
            try {
                channels.put(NotificationKind.valueOf(rs.getString(1)), Channel.valueOf(rs.getString(2)));
            } catch (IllegalArgumentException retiredKind) {
                // a kind or channel an earlier build knew: the default stands
            }
        }, userId);
        return channels;
    }

    void setChannel(long userId, NotificationKind kind, Channel channel) {
        jdbc.update("INSERT INTO notification_preference (user_id, kind, channel) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE channel = VALUES(channel)", userId, kind.name(), channel.name());
    }

    /** Stores one notification; with a once-key, a second one with the same key is not stored (false). */
    boolean insert(long userId, NotificationKind kind, @Nullable String recordType, @Nullable Long recordId,
                   @Nullable String actor, @Nullable String subject, boolean inApp, boolean mail, Instant now,
                   @Nullable String onceKey) {
        return jdbc.update("INSERT IGNORE INTO notification (user_id, kind, record_type, record_id, actor, subject, in_app, "
                        + "created_at, mail_state, mail_next_at, once_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                userId, kind.name(), recordType, recordId, cut(actor, 120), cut(subject, 300), inApp, Utc.of(now),
                mail ? "PENDING" : null, mail ? Utc.of(now) : null, onceKey) == 1;
    }

    long unread(long userId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE user_id = ? AND in_app = TRUE "
                + "AND read_at IS NULL", Long.class, userId);
        return n == null ? 0 : n;
    }

    record Row(long id, long userId, NotificationKind kind, @Nullable String recordType, @Nullable Long recordId,
               @Nullable String actor, @Nullable String subject, Instant createdAt, @Nullable Instant readAt,
               int mailAttempts) {
    }

    private static final String COLUMNS = "SELECT id, user_id, kind, record_type, record_id, actor, subject, created_at, "
            + "read_at, mail_attempts FROM notification ";

    private List<Row> rows(String where, Object... args) {
        List<Row> rows = new ArrayList<>();
        jdbc.query(COLUMNS + where, rs -> {
            NotificationKind kind;
            try {
                kind = NotificationKind.valueOf(rs.getString(3));
            } catch (IllegalArgumentException retiredKind) {
                return;
            }
            rows.add(new Row(rs.getLong(1), rs.getLong(2), kind, rs.getString(4),
                    rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getString(7),
                    Utc.readRequired(rs, 8), Utc.read(rs, 9), rs.getInt(10)));
        }, args);
        return rows;
    }

    List<Row> recent(long userId, int limit) {
        return rows("WHERE user_id = ? AND in_app = TRUE ORDER BY id DESC LIMIT ?", userId, limit);
    }

    int markRead(long userId, long id, Instant now) {
        return jdbc.update("UPDATE notification SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
                Utc.of(now), id, userId);
    }

    int markAllRead(long userId, Instant now) {
        return jdbc.update("UPDATE notification SET read_at = ? WHERE user_id = ? AND in_app = TRUE AND read_at IS NULL",
                Utc.of(now), userId);
    }

    /** The users and kinds with mail waiting that may go now. */
    List<long[]> pendingMailboxes(Instant now, int limit) {
        return jdbc.query("SELECT user_id, kind FROM notification WHERE mail_state = 'PENDING' AND mail_next_at <= ? "
                        + "GROUP BY user_id, kind ORDER BY MIN(mail_next_at) LIMIT ?",
                (rs, i) -> new long[] {rs.getLong(1), NotificationKind.valueOf(rs.getString(2)).ordinal()},
                Utc.of(now), limit);
    }

    /** One user's waiting mail of one kind, locked for this batch (another node's batch skips them). */
    List<Row> claimPending(long userId, NotificationKind kind, Instant now) {
        return rows("WHERE user_id = ? AND kind = ? AND mail_state = 'PENDING' AND mail_next_at <= ? ORDER BY id "
                + "LIMIT 50 FOR UPDATE SKIP LOCKED", userId, kind.name(), Utc.of(now));
    }

    @Nullable Instant lastMailed(long userId, NotificationKind kind) {
        List<Instant> found = jdbc.query("SELECT MAX(mailed_at) FROM notification WHERE user_id = ? AND kind = ? "
                + "AND mail_state = 'SENT'", (rs, i) -> Utc.read(rs, 1), userId, kind.name());
        return found.isEmpty() ? null : found.getFirst();
    }

    void mailed(List<Row> rows, Instant now) {
        for (Row row : rows) {
            jdbc.update("UPDATE notification SET mail_state = 'SENT', mailed_at = ? WHERE id = ?", Utc.of(now), row.id());
        }
    }

    void postpone(List<Row> rows, Instant next) {
        for (Row row : rows) {
            jdbc.update("UPDATE notification SET mail_next_at = ? WHERE id = ?", Utc.of(next), row.id());
        }
    }

    void failed(List<Row> rows, Instant next, int maxAttempts) {
        for (Row row : rows) {
            jdbc.update("UPDATE notification SET mail_attempts = mail_attempts + 1, mail_next_at = ?, "
                    + "mail_state = CASE WHEN mail_attempts >= ? THEN 'FAILED' ELSE 'PENDING' END WHERE id = ?",
                    Utc.of(next), maxAttempts, row.id());
        }
    }

    private static @Nullable String cut(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
