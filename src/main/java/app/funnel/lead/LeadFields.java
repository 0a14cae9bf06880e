package app.funnel.lead;

import app.funnel.base.InvalidInputException;
import app.funnel.base.Texts;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A lead's contact data as checked before it is stored: trimmed, the phone in E.164, the country in
 * upper case, the keys duplicates are matched by, and the signs of a fake lead. The same rules hold
 * for a lead typed in, posted by a web form or read from a CSV file.
 */
public record LeadFields(String firstName, String lastName, @Nullable String email, @Nullable String emailKey,
                         @Nullable String phone, @Nullable String company, @Nullable String companyKey,
                         String nameKey, @Nullable String jobTitle, @Nullable String country,
                         @Nullable LeadSource source, @Nullable String notes, Set<SuspectReason> suspect) {

    /** Markup in a name ("<script>", "</b>", "<!--"): refused rather than stored and shown somewhere unescaped. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[/!a-zA-Z]");

    /**
     * Checks the input (everything but the referral, which needs the database).
     *
     * @throws InvalidInputException naming the first field to fix
     */
    public static LeadFields check(LeadInput input) {
        String first = text(Texts.required(input.firstName(), "firstName", 100, "field.required"), "firstName");
        String last = text(Texts.required(input.lastName(), "lastName", 100, "field.required"), "lastName");
        String email = Texts.optional(input.email(), "email", 254);
        if (email != null && !ContactCheck.isValidEmail(email)) {
            throw new InvalidInputException("email", "lead.error.email-format");
        }
        String country = Texts.optional(input.country(), "country", 2);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!ContactCheck.isKnownCountry(country)) {
                throw new InvalidInputException("country", "lead.error.country-unknown");
            }
        }
        String phoneInput = Texts.optional(input.phone(), "phone", 40);
        String phone = null;
        if (phoneInput != null) {
            phone = ContactCheck.toE164(phoneInput, country)
                    .orElseThrow(() -> new InvalidInputException("phone", "lead.error.phone-format"));
        }
        if (email == null && phone == null) {
            throw new InvalidInputException("email", "lead.error.contact-required");
        }
        String company = Texts.optional(input.company(), "company", 200);
        if (company != null) {
            text(company, "company");
        }
        String jobTitle = Texts.optional(input.jobTitle(), "jobTitle", 150);
        if (jobTitle != null) {
            text(jobTitle, "jobTitle");
        }
        String notes = Texts.optional(input.notes(), "notes", 20_000);
        Set<SuspectReason> suspect = ContactCheck.suspectReasons(first, last, email, phone);
        return new LeadFields(first, last, email, ContactCheck.emailKey(email), phone, company,
                ContactCheck.companyKey(company), ContactCheck.nameKey(first, last),
                jobTitle, country, input.source(), notes,
                suspect.isEmpty() ? EnumSet.noneOf(SuspectReason.class) : EnumSet.copyOf(suspect));
    }

    /** A name, company or job title: no markup, and no spreadsheet formula (a cell starting with = + or @). */
    private static String text(String value, String field) {
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '@') {
            throw new InvalidInputException(field, "lead.error.formula");
        }
        if (MARKUP.matcher(value).find()) {
            throw new InvalidInputException(field, "lead.error.markup");
        }
        return value;
    }

    /** The fields {@link DuplicateRule} matches by. */
    public DuplicateRule.Person person() {
        return new DuplicateRule.Person(firstName, lastName, emailKey, phone, companyKey);
    }

    /** The suspect reasons as stored: names in order, comma-separated; null when none. */
    @Nullable String suspectColumn() {
        return SuspectReason.stored(suspect);
    }
}
