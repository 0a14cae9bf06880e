package app.funnel.notification.ui;

import app.funnel.base.ui.LiveUpdates;
import app.funnel.base.ui.Messages;
import app.funnel.notification.NotificationEntry;
import app.funnel.notification.NotificationService;
import app.funnel.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;

/**
 * The bell in the shell: the number of unread notifications, kept current over push, and on a
 * click the latest ones, each a link to its record (opening one marks it read).
 */
public final class Bell extends Div {

    private final NotificationService notifications;
    private final Button button = new Button(new Icon(VaadinIcon.BELL));
    private final Span count = new Span();
    private final Div list = new Div();

    public Bell(NotificationService notifications, LiveUpdates live) {
        this.notifications = notifications;
        addClassName("funnel-bell");
        setId("bell");
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setId("bell-button");
        count.addClassName("funnel-bell-count");
        count.setId("bell-count");
        count.setVisible(false);
        button.setAriaLabel(getTranslation("bell.title"));
        add(button, count);

        Popover popover = new Popover();
        popover.setTarget(button);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.addClassName("funnel-bell-popover");
        list.setId("bell-list");
        popover.add(list);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                showList();
            }
        });
        add(popover);
        refreshCount();

        Long myId = CurrentUser.get().map(CurrentUser::userId).orElse(null);
        long me = myId == null ? -1L : myId;
        live.subscribe(this, change -> change.notifies(me), change -> {
            refreshCount();
            if (popover.isOpened()) {
                showList();
            }
        });
    }

    private void refreshCount() {
        // with the database away the count stays as it was (none on a new page); the page says why
        app.funnel.base.ui.WhileDatabaseAway.tolerate(this::showCount);
    }

    private void showCount() {
        long unread = notifications.unreadCount();
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        String label = getTranslation("bell.label", unread);
        button.setAriaLabel(label);
        button.setTooltipText(label);
    }

    private void showList() {
        list.removeAll();
        var recent = notifications.recent(10);
        Div head = new Div();
        head.addClassName("funnel-bell-head");
        head.add(new Span(getTranslation("bell.title")));
        Button all = new Button(getTranslation("bell.mark-all"), e -> {
            notifications.markAllRead();
            refreshCount();
            showList();
        });
        all.setId("bell-mark-all");
        all.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        head.add(all);
        list.add(head);
        if (recent.isEmpty()) {
            Span none = new Span(getTranslation("bell.none"));
            none.addClassName("funnel-muted");
            list.add(none);
        }
        for (NotificationEntry entry : recent) {
            list.add(line(entry));
        }
        list.add(new Anchor("notifications", getTranslation("bell.all")));
    }

    private Div line(NotificationEntry entry) {
        Div line = new Div();
        line.addClassName("funnel-bell-line");
        if (entry.unread()) {
            line.addClassName("unread");
        }
        String text = NotificationTexts.text(this, entry);
        Span when = new Span(Messages.dateTime(entry.createdAt()));
        when.addClassName("funnel-muted");
        if (entry.path().isEmpty()) {
            line.add(new Span(text), when);
        } else {
            Anchor link = new Anchor(entry.path(), text);
            line.add(link, when);
        }
        line.getElement().addEventListener("click", e -> {
            notifications.markRead(entry.id());
            refreshCount();
        });
        return line;
    }
}
