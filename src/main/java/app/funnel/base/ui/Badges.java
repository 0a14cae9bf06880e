package app.funnel.base.ui;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/**
 * Vaadin's Badge for the statuses, stages and flags every view shows, with one meaning per tone:
 * "on" (done, in force, ok: success), "off" (overdue, failed, disabled: error), "warn" (a flag to
 * look at: warning), or none (a plain label).
 */
public final class Badges {

    private Badges() {
    }

    public static Badge of(String text) {
        return of(text, "");
    }

    public static Badge of(String text, String tone) {
        Badge badge = new Badge(text);
        switch (tone) {
            case "on", "success" -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case "off" -> badge.addThemeVariants(BadgeVariant.ERROR);
            case "warn" -> badge.addThemeVariants(BadgeVariant.WARNING);
            default -> { }
        }
        return badge;
    }
}
