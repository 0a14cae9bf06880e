package app.funnel.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code funnel.notifications.*}).
 *
 * @param publicUrl    where users reach Funnel, for the links in mails ({@code FUNNEL_PUBLIC_URL})
 * @param mailFrom     the sender of notification mails ({@code FUNNEL_MAIL_FROM})
 * @param mailWindow   at most one mail per user and kind in this time; what arrives meanwhile waits for the next
 * @param mailInterval how often the mail batch runs
 * @param slaWarning   how long before an SQL's first-touch deadline its owner is reminded
 * @param reminderInterval how often reminders are looked for
 * @param mailRetry    how long a mail that failed waits before its next try, doubled at each failure
 */
@ConfigurationProperties("funnel.notifications")
public record NotificationProperties(@DefaultValue("http://localhost:8080") String publicUrl,
                                     @DefaultValue("funnel@localhost") String mailFrom,
                                     @DefaultValue("5m") Duration mailWindow,
                                     @DefaultValue("30s") Duration mailInterval,
                                     @DefaultValue("2h") Duration slaWarning,
                                     @DefaultValue("30s") Duration reminderInterval,
                                     @DefaultValue("1m") Duration mailRetry) {
}
