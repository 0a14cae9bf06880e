package app.funnel.base;

import org.jspecify.annotations.Nullable;

/** The checks every form's text fields share: trimmed, at most so long, required or not. */
public final class Texts {

    private Texts() {
    }

    /** The trimmed text, or null when empty; too long is refused on the field. */
    public static @Nullable String optional(@Nullable String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            throw new InvalidInputException(field, "field.too-long", max);
        }
        return text.isEmpty() ? null : text;
    }

    /** The trimmed text; empty is refused on the field with the given message. */
    public static String required(@Nullable String value, String field, int max, String emptyKey) {
        String text = optional(value, field, max);
        if (text == null) {
            throw new InvalidInputException(field, emptyKey);
        }
        return text;
    }
}
