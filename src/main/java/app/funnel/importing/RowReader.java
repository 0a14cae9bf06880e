package app.funnel.importing;

import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadSource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Turns a file's row into a lead's input by the mapping: a full name is split at its last space,
 * countries may be written as codes or names (English or Portuguese), sources as Funnel's names or
 * labels in either language; an unknown source leaves the import's default.
 */
final class RowReader {

    private static final Map<String, String> COUNTRIES = new HashMap<>();
    private static final Map<String, LeadSource> SOURCES = new HashMap<>();

    static {
        Locale portuguese = Locale.of("pt", "BR");
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            COUNTRIES.put(ImportField.key(country.getDisplayCountry(Locale.ENGLISH)), code);
            COUNTRIES.put(ImportField.key(country.getDisplayCountry(portuguese)), code);
            COUNTRIES.put(ImportField.key(country.getDisplayCountry(Locale.of("pt", "PT"))), code);
        }
        COUNTRIES.put("usa", "US");
        COUNTRIES.put("eua", "US");
        COUNTRIES.put("uk", "GB");
        COUNTRIES.put("england", "GB");
        COUNTRIES.put("inglaterra", "GB");
        Map<LeadSource, String[]> words = Map.of(
                LeadSource.WEBSITE_FORM, new String[] {"website", "webform", "site", "formulariodosite", "formulario", "web"},
                LeadSource.NEWSLETTER, new String[] {"newsletter", "boletim"},
                LeadSource.EVENT, new String[] {"event", "evento", "feira", "tradeshow", "conference", "conferencia"},
                LeadSource.REFERRAL, new String[] {"referral", "indicacao", "referencia"},
                LeadSource.PURCHASED_LIST, new String[] {"purchasedlist", "listacomprada", "list", "lista"},
                LeadSource.OUTBOUND, new String[] {"outbound", "prospeccaoativa", "prospeccao", "coldcall"},
                LeadSource.PARTNER, new String[] {"partner", "parceiro"},
                LeadSource.SOCIAL, new String[] {"social", "socialmedia", "redessociais", "linkedin", "instagram", "facebook"},
                LeadSource.ADVERTISING, new String[] {"advertising", "ads", "anuncios", "anuncio", "googleads", "publicidade"},
                LeadSource.OTHER, new String[] {"other", "outro", "outros"});
        words.forEach((source, keys) -> {
            SOURCES.put(ImportField.key(source.name()), source);
            for (String key : keys) {
                SOURCES.put(key, source);
            }
        });
    }

    private final Map<Integer, ImportField> mapping;
    private final @Nullable String phoneRegion;

    /**
     * @param phoneRegion the country a national phone number is read by in a row that names none
     *                    (the importing user's), or none
     */
    RowReader(Map<Integer, ImportField> mapping, @Nullable String phoneRegion) {
        this.mapping = mapping;
        this.phoneRegion = phoneRegion;
    }

    LeadInput read(CSVRecord record) {
        Map<ImportField, String> values = new HashMap<>();
        mapping.forEach((column, field) -> {
            if (column < record.size()) {
                values.put(field, record.get(column));
            }
        });
        String first = values.get(ImportField.FIRST_NAME);
        String last = values.get(ImportField.LAST_NAME);
        String full = values.get(ImportField.FULL_NAME);
        if (full != null && !full.isBlank()) {
            String name = full.strip().replaceAll("\\s+", " ");
            int space = name.lastIndexOf(' ');
            if (space > 0) {
                first = first == null || first.isBlank() ? name.substring(0, space) : first;
                last = last == null || last.isBlank() ? name.substring(space + 1) : last;
            } else if (first == null || first.isBlank()) {
                first = name;
            }
        }
        String country = country(values.get(ImportField.COUNTRY));
        String phone = values.get(ImportField.PHONE);
        if (country == null && phoneRegion != null && phone != null && !phone.isBlank() && !phone.strip().startsWith("+")) {
            phone = app.funnel.lead.ContactCheck.toE164(phone, phoneRegion).orElse(phone);
        }
        return new LeadInput(first == null ? "" : first, last == null ? "" : last, values.get(ImportField.EMAIL),
                phone, values.get(ImportField.COMPANY), values.get(ImportField.JOB_TITLE),
                country, source(values.get(ImportField.SOURCE)), null, values.get(ImportField.NOTES));
    }

    /** A country code, or the code of a country name; an unknown name becomes "??", which the lead check refuses. */
    static @Nullable String country(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() == 2) {
            return text;
        }
        return COUNTRIES.getOrDefault(ImportField.key(text), "??");
    }

    static @Nullable LeadSource source(@Nullable String value) {
        return value == null || value.isBlank() ? null : SOURCES.get(ImportField.key(value));
    }
}
