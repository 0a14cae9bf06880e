package app.funnel.base;

import org.jspecify.annotations.Nullable;

/**
 * The checks every text that enters Funnel shares (forms, import, web capture): trimmed, at most
 * so long, required or not, and free of invisible control characters.
 */
public final class Texts {

    private Texts() {
    }

    /**
     * The first invisible control character in the text, if any: NUL and the other C0/C1 controls
     * (tab and line breaks allowed), the right-to-left and other bidirectional overrides and isolates
     * (U+202E makes "gpj.exe" read as "exe.jpg"), zero-width spaces, the byte-order mark. The zero-width
     * joiners that emoji and some scripts need are allowed.
     */
    public static java.util.OptionalInt controlCharacter(String text) {
        return text.codePoints().filter(c -> {
            if (c == '\t' || c == '\n' || c == '\r' || c == 0x200C || c == 0x200D) {
                return false;
            }
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.FORMAT;
        }).findFirst();
    }

    /** Refuses a text with an invisible control character on its field, naming the character. */
    public static String clean(String text, String field) {
        java.util.OptionalInt control = controlCharacter(text);
        if (control.isPresent()) {
            throw new InvalidInputException(field, "field.control-character",
                    String.format("U+%04X", control.getAsInt()));
        }
        return text;
    }

    /** The trimmed text, or null when empty; too long is refused on the field. */
    public static @Nullable String optional(@Nullable String value, String field, int max) {
        String text = clean(value == null ? "" : value.strip(), field);
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
