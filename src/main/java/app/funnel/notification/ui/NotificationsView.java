package app.funnel.notification.ui;

import app.funnel.base.ui.Messages;
import app.funnel.notification.Channel;
import app.funnel.notification.NotificationEntry;
import app.funnel.notification.NotificationKind;
import app.funnel.notification.NotificationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/** All my notifications, newest first, and where each kind reaches me: in the app, by e-mail, both or not at all. */
@Route("notifications")
@PermitAll
final class NotificationsView extends Main implements HasDynamicTitle {

    private final NotificationService notifications;
    private final Div list = new Div();

    NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("funnel-view");
        add(new H2(getTranslation("notifications.recent")));
        Button all = new Button(getTranslation("bell.mark-all"), e -> {
            notifications.markAllRead();
            showList();
        });
        all.setId("notifications-mark-all");
        list.setId("notifications-list");
        add(all, list);
        showList();

        add(new H2(getTranslation("notifications.channels")));
        if (!notifications.mailAvailable()) {
            Paragraph noMail = new Paragraph(getTranslation("notifications.no-mail"));
            noMail.addClassName("funnel-muted");
            noMail.setId("notifications-no-mail");
            add(noMail);
        }
        Div choices = new Div();
        choices.setId("notification-channels");
        choices.addClassName("funnel-notification-channels");
        Map<NotificationKind, Channel> current = notifications.channels();
        for (NotificationKind kind : NotificationKind.values()) {
            Select<Channel> channel = new Select<>();
            channel.setLabel(getTranslation("notification.kind." + kind.name()));
            channel.setItems(Channel.values());
            channel.setItemLabelGenerator(c -> getTranslation("notification.channel." + c.name()));
            channel.setValue(current.get(kind));
            channel.setId("channel-" + kind.name());
            channel.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    notifications.setChannel(kind, e.getValue());
                    Messages.success(getTranslation("notifications.saved"));
                }
            });
            choices.add(channel);
        }
        add(choices);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " · " + getTranslation("app.name");
    }

    private void showList() {
        list.removeAll();
        var recent = notifications.recent(100);
        if (recent.isEmpty()) {
            list.add(new Paragraph(getTranslation("bell.none")));
        }
        for (NotificationEntry entry : recent) {
            Div line = new Div();
            line.addClassName("funnel-bell-line");
            if (entry.unread()) {
                line.addClassName("unread");
            }
            String text = NotificationTexts.text(this, entry);
            line.add(entry.path().isEmpty() ? new Span(text) : new Anchor(entry.path(), text));
            Span when = new Span(" " + Messages.dateTime(entry.createdAt()));
            when.addClassName("funnel-muted");
            line.add(when);
            line.getElement().addEventListener("click", e -> notifications.markRead(entry.id()));
            list.add(line);
        }
    }
}
