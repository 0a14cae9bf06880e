package app.funnel.base;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's translations for what Funnel writes outside a screen (a page for a web form's visitor,
 * a notification mail): Brazilian Portuguese for any Portuguese, English otherwise.
 */
public final class Translations {

    private Translations() {
    }

    /** The translation bundle for the language. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("vaadin-i18n/translations",
                "pt".equals(locale.getLanguage()) ? Locale.of("pt", "BR") : Locale.ROOT);
    }

    /** One text with its arguments filled in, as the UI's {@code getTranslation} does; the key when missing. */
    public static String text(Locale locale, String key, Object... arguments) {
        try {
            String pattern = bundle(locale).getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException missing) {
            return key;
        }
    }
}
