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
    private static final Set<String> DOT_INSENSITIVE = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> PLUS_TAGGING = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "icloud.com", "me.com", "protonmail.com", "proton.me", "fastmail.com");

    private ContactCheck() {
    }

    /** E-mail syntax; a domain with accents (IDN, "joão@café.com.br") is checked in its ASCII form. */
    public static boolean isValidEmail(String email) {
        if (email.length() > 254) {
            return false;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return false;
        }
        try {
            String domain = java.net.IDN.toASCII(email.substring(at + 1), java.net.IDN.USE_STD3_ASCII_RULES);
            return EMAIL.matcher(email.substring(0, at + 1) + domain).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The phone in E.164 form, when it reads as a phone number for the country (ISO 3166 alpha-2;
     * a number with +country code needs none): at least six digits after the country code. A number
     * one digit short or long for its plan is still a phone number someone typed: it is kept, and
     * {@link #suspectReasons} flags it as one that cannot exist. Empty for text that is no number,
     * or a national number with no country to read it by.
     */
    public static Optional<String> toE164(String phone, @Nullable String country) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(phone, country == null ? "ZZ" : country.toUpperCase(Locale.ROOT));
            if (PHONES.getNationalSignificantNumber(number).length() < 6
                    || PHONES.getRegionCodeForCountryCode(number.getCountryCode()).equals("ZZ")) {
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
        if (FakeSigns.isPlaceholderName(firstName, lastName)) {
            reasons.add(SuspectReason.PLACEHOLDER_NAME);
        }
        if (email != null && email.lastIndexOf('@') > 0) {
            int at = email.lastIndexOf('@');
            String domain = asciiDomain(email.substring(at + 1));
            if (FakeSigns.isPlaceholderDomain(domain)) {
                reasons.add(SuspectReason.PLACEHOLDER_EMAIL_DOMAIN);
            } else if (FakeSigns.isDisposableDomain(domain)) {
                reasons.add(SuspectReason.THROWAWAY_EMAIL_DOMAIN);
            }
            if (FakeSigns.isPlaceholderMailbox(email.substring(0, at))) {
                reasons.add(SuspectReason.PLACEHOLDER_MAILBOX);
            }
        }
        if (phoneE164 != null) {
            if (FakeSigns.isFictionalPhone(phoneE164)) {
                reasons.add(SuspectReason.FICTIONAL_PHONE);
            } else if (!isValidPhone(phoneE164)) {
                reasons.add(SuspectReason.INVALID_PHONE);
            }
        }
        return reasons;
    }

    private static String asciiDomain(String domain) {
        try {
            return java.net.IDN.toASCII(domain.strip()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return domain.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** The name a person is matched by (the same name at the same company is a likely duplicate). */
    public static String nameKey(String firstName, String lastName) {
        return plain(firstName + " " + lastName);
    }

    /**
     * The company a person is matched by, with {@link #nameKey}; null without a company. Case,
     * accents and punctuation aside, and without the legal form at the end ("ACME Ltda." and "Acme"
     * are one company, so are "Müller GmbH" and "Muller"): an accounts' key too.
     */
    public static @Nullable String companyKey(@Nullable String company) {
        if (company == null) {
            return null;
        }
        String key = words(company.replace("&", " & ")).replace("&", "e");
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (String form : LEGAL_FORMS) {
                if (key.length() > form.length() && key.endsWith(" " + form)) {
                    key = key.substring(0, key.length() - form.length() - 1).strip();
                    dropped = true;
                }
            }
        }
        if (key.startsWith("the ") && key.length() > 4) {
            key = key.substring(4);
        }
        return key.isEmpty() ? plain(company) : key;
    }

    /** Legal forms a company name may end with, as {@link #words} leaves them (longest first where one ends another). */
    private static final java.util.List<String> LEGAL_FORMS = java.util.List.of("sociedade anonima", "sociedad anonima",
            "s a de c v", "sa de cv", "de c v", "de cv", "s de r l", "e cia ltda", "e cia", "e co", "e company",
            "pty ltd", "pvt ltd", "private limited", "limitada", "ltda", "ltd", "limited", "eireli", "epp", "mei", "me",
            "s a", "sa", "s/a", "gmbh e co kg", "gmbh", "mbh", "ag", "kg", "ohg", "ug", "e v", "ev", "inc",
            "incorporated", "corp", "corporation", "co", "company", "llc", "l l c", "llp", "lp", "plc", "srl",
            "s r l", "spa", "s p a", "sas", "s a s", "sarl", "sl", "s l", "slu", "bv", "b v", "nv", "n v", "oy",
            "ab", "as", "a s", "aps", "kk", "pte", "pty", "lda", "unipessoal lda", "cia");

    /** {@link #plain} with punctuation taken as a space: the words of a name. */
    static String words(String text) {
        return plain(text).replaceAll("[^\\p{L}\\p{N}&/]+", " ").strip();
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

    /** Lower case without accents, spaces collapsed, for matching names and for search prefixes (punctuation kept). */
    public static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
