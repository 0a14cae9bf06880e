package app.funnel.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks contact data as it is captured: e-mail syntax, phone numbers per country (libphonenumber),
 * and the signs of a fake lead (placeholder or throwaway e-mail domains, placeholder names,
 * impossible phone numbers). Also the normalized keys used to find duplicates.
 */
public final class ContactCheck {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Set<String> PLACEHOLDER_DOMAINS = Set.of("example.com", "example.org", "example.net",
            "test.com", "teste.com", "test.com.br", "teste.com.br", "email.com", "domain.com", "foo.com", "bar.com",
            "asdf.com", "localhost", "invalid", "test");
    private static final Set<String> THROWAWAY_DOMAINS = Set.of("mailinator.com", "guerrillamail.com",
            "10minutemail.com", "tempmail.com", "temp-mail.org", "yopmail.com", "trashmail.com", "sharklasers.com",
            "getnada.com", "dispostable.com", "maildrop.cc", "throwawaymail.com");
    private static final Set<String> PLACEHOLDER_NAMES = Set.of("test", "teste", "asdf", "qwerty", "xxx", "abc",
            "foo", "bar", "fulano", "ciclano", "beltrano", "john doe", "jane doe", "na", "n/a", "none", "nome",
            "name", "sobrenome", "lastname", "first", "last", "user", "usuario", "aaa", "zzz");
    private static final Set<String> DOT_INSENSITIVE = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> PLUS_TAGGING = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "icloud.com", "me.com", "protonmail.com", "proton.me", "fastmail.com");

    private ContactCheck() {
    }

    public static boolean isValidEmail(String email) {
        return email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    /**
     * The phone in E.164 form, when it parses for the country (ISO 3166 alpha-2) and is a possible
     * number; empty when it does not.
     */
    public static Optional<String> toE164(String phone, @Nullable String country) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(phone, country == null ? "ZZ" : country.toUpperCase(Locale.ROOT));
            if (!PHONES.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the phone is a number that exists in its country's numbering plan (not only possible). */
    public static boolean isValidPhone(String e164) {
        try {
            return PHONES.isValidNumber(PHONES.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** The countries Funnel knows (ISO 3166 two-letter codes), for a list to pick from. */
    public static java.util.Set<String> countries() {
        return PHONES.getSupportedRegions();
    }

    public static boolean isKnownCountry(String country) {
        return PHONES.getSupportedRegions().contains(country.toUpperCase(Locale.ROOT));
    }

    /** The signs that a lead is fake, from its names, e-mail and (E.164) phone. */
    public static Set<SuspectReason> suspectReasons(String firstName, String lastName, @Nullable String email,
                                                    @Nullable String phoneE164) {
        Set<SuspectReason> reasons = EnumSet.noneOf(SuspectReason.class);
        if (isPlaceholderName(firstName) || isPlaceholderName(lastName)
                || isPlaceholderName(firstName + " " + lastName)) {
            reasons.add(SuspectReason.PLACEHOLDER_NAME);
        }
        if (email != null && email.contains("@")) {
            String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (PLACEHOLDER_DOMAINS.contains(domain) || domain.endsWith(".example") || domain.endsWith(".test")
                    || domain.endsWith(".invalid")) {
                reasons.add(SuspectReason.PLACEHOLDER_EMAIL_DOMAIN);
            }
            if (THROWAWAY_DOMAINS.contains(domain)) {
                reasons.add(SuspectReason.THROWAWAY_EMAIL_DOMAIN);
            }
        }
        if (phoneE164 != null && !isValidPhone(phoneE164)) {
            reasons.add(SuspectReason.INVALID_PHONE);
        }
        return reasons;
    }

    static boolean isPlaceholderName(String name) {
        String plain = plain(name).strip();
        if (plain.isEmpty()) {
            return false;
        }
        if (PLACEHOLDER_NAMES.contains(plain)) {
            return true;
        }
        String letters = plain.replaceAll("[^a-z]", "");
        // one letter repeated ("aaaa"), or a keyboard row
        return letters.length() >= 3 && (letters.chars().distinct().count() == 1
                || "qwertyuiopasdfghjklzxcvbnm".contains(letters));
    }

    /** The name a person is matched by (the same name at the same company is a likely duplicate). */
    public static String nameKey(String firstName, String lastName) {
        return plain(firstName + " " + lastName);
    }

    /** The company a person is matched by, with {@link #nameKey}; null without a company. */
    public static @Nullable String companyKey(@Nullable String company) {
        return company == null ? null : plain(company);
    }

    /**
     * The e-mail as the provider reads it, for duplicate matching: lower case; for providers that
     * ignore them, without dots and without a +tag in the local part.
     */
    public static @Nullable String emailKey(@Nullable String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        String lower = email.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (PLUS_TAGGING.contains(domain) && local.contains("+")) {
            local = local.substring(0, local.indexOf('+'));
        }
        if (DOT_INSENSITIVE.contains(domain)) {
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    /** Lower case without accents or punctuation runs, for matching names and companies. */
    public static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
