package app.funnel.search;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What was typed in the search box, read once for every feature: the text (trimmed, inner spaces
 * collapsed) and, when it reads as a phone number, the beginnings of the E.164 forms it may stand
 * for, so that "(11) 98765-4321", "+55 11 98765" and "5511987654321" all find +5511987654321.
 */
public record SearchTerms(String text, List<String> phonePrefixes) {

    /** Fewer characters than this find nothing: every name starts with one letter. */
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 100;
    /** Digits a phone number must have before it is searched as one. */
    private static final int MIN_PHONE_DIGITS = 4;

    public SearchTerms {
        phonePrefixes = List.copyOf(phonePrefixes);
    }

    /**
     * Reads what was typed; {@code region} (the user's country, e.g. BR) gives the country code of a
     * number typed without one.
     */
    public static SearchTerms of(String typed, @Nullable String region) {
        String text = typed.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        return new SearchTerms(text, phonePrefixes(text, region));
    }

    /** Whether there is enough to search for. */
    public boolean searchable() {
        return text.length() >= MIN_LENGTH;
    }

    /** The text escaped for a {@code LIKE} pattern, with {@code %} after it: a prefix match. */
    public static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static List<String> phonePrefixes(String text, @Nullable String region) {
        if (!text.matches("\\+?[0-9 ()./-]+")) {
            return List.of();
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() < MIN_PHONE_DIGITS) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>();
        prefixes.add("+" + digits);
        if (!text.startsWith("+") && region != null) {
            int countryCode = PhoneNumberUtil.getInstance().getCountryCodeForRegion(region.toUpperCase(Locale.ROOT));
            if (countryCode > 0) {
                // a national number: the trunk prefix (0 in most countries, 1 in NANP) is not part of E.164
                String national = digits.startsWith("0") ? digits.substring(1) : digits;
                prefixes.add("+" + countryCode + national);
            }
        }
        return prefixes.stream().distinct().toList();
    }
}
