package app.funnel.notification.ui;

import app.funnel.notification.NotificationEntry;
import com.vaadin.flow.component.Component;

/** What a notification says, in the UI's language (the mails use the same texts). */
final class NotificationTexts {

    private NotificationTexts() {
    }

    static String text(Component in, NotificationEntry entry) {
        return in.getTranslation("notification.text." + entry.kind().name(), entry.actor(), entry.subject());
    }
}
