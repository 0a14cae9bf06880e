package app.funnel.base.ui;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/**
 * Vaadin's Badge for the statuses, stages and flags every view shows, with one meaning per tone:
 * good (done, in force, ok: success), bad (overdue, failed, disabled: error), warn (a flag to look
 * at: warning), or plain (a label).
 */
public final class Badges {

    private Badges() {
    }

    /** What a badge says about its record. */
    public enum Tone {
        PLAIN, GOOD, BAD, WARN
    }

    public static Badge of(String text) {
        return of(text, Tone.PLAIN);
    }

    public static Badge of(String text, Tone tone) {
        Badge badge = new Badge(text);
        switch (tone) {
            case GOOD -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case BAD -> badge.addThemeVariants(BadgeVariant.ERROR);
            case WARN -> badge.addThemeVariants(BadgeVariant.WARNING);
            case PLAIN -> { }
        }
        return badge;
    }
}
