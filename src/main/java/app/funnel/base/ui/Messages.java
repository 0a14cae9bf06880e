package app.funnel.base.ui;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.data.binder.Binder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Shared ways to tell the user what happened: notifications, field errors, dates in their locale. */
public final class Messages {

    private Messages() {
    }

    public static void success(String text) {
        Notification notification = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void error(String text) {
        Notification notification = Notification.show(text, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
    }

    /**
     * Shows a service's refusal next to the field it names (found among the binder's bindings or
     * the extra fields given); falls back to a notification.
     */
    public static void show(Component owner, InvalidInputException problem, @Nullable Binder<?> binder,
                            Map<String, ? extends HasValidation> extraFields) {
        String text = owner.getTranslation(problem.messageKey(), problem.arguments());
        HasValidation field = extraFields.get(problem.field());
        if (field == null && binder != null) {
            field = binder.getBinding(problem.field())
                    .map(binding -> binding.getField() instanceof HasValidation v ? v : null)
                    .orElse(null);
        }
        if (field != null) {
            field.setErrorMessage(text);
            field.setInvalid(true);
        }
        if (field == null || !(field instanceof Component c && c.isVisible() && c.isAttached())) {
            // a refusal always reaches the user, also when the field it names is not on screen
            error(text);
        }
    }

    public static void show(Component owner, ConcurrentChangeException conflict) {
        error(owner.getTranslation("conflict.message", conflict.changedBy(), dateTime(conflict.changedAt())));
    }

    /** A date and time in the user's locale and the browser's time zone (the server's until the browser said). */
    public static String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        UI ui = UI.getCurrent();
        Locale locale = ui != null ? ui.getLocale() : Locale.getDefault();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone(ui)).format(instant);
    }

    /** A calendar date (a close date, a day) in the user's locale, in the same medium form as {@link #dateTime}. */
    public static String date(java.time.@Nullable LocalDate date) {
        if (date == null) {
            return "";
        }
        UI ui = UI.getCurrent();
        Locale locale = ui != null ? ui.getLocale() : Locale.getDefault();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** The browser's time zone, when the browser has reported it; the server's otherwise. */
    public static ZoneId zone(@Nullable UI ui) {
        if (ui == null) {
            return ZoneId.systemDefault();
        }
        try {
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
                return ZoneId.of(details.getTimeZoneId());
            }
            // ask once; later calls in this UI use the answer
            ui.getPage().retrieveExtendedClientDetails(received -> { });
        } catch (RuntimeException unknownZone) {
            // an unknown zone id or a UI without a browser behind it: keep the server's zone
        }
        return ZoneId.systemDefault();
    }
}
