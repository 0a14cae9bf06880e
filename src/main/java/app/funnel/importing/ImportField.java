package app.funnel.importing;

import app.funnel.lead.ContactCheck;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The lead fields a file's column can be mapped to, and the headers (English and Portuguese) that suggest each. */
public enum ImportField {
    FIRST_NAME("firstname", "first", "givenname", "forename", "nome", "primeironome", "prenome"),
    LAST_NAME("lastname", "last", "surname", "familyname", "sobrenome", "apelido", "ultimonome", "apelidos"),
    FULL_NAME("name", "fullname", "contactname", "contact", "nomecompleto", "contato", "contacto", "nomedocontato"),
    EMAIL("email", "emailaddress", "mail", "correioeletronico", "enderecodeemail", "emailcorporativo", "eemail"),
    PHONE("phone", "phonenumber", "telephone", "tel", "mobile", "cell", "cellphone", "telefone", "celular",
            "telemovel", "fone", "whatsapp", "numerodetelefone"),
    COMPANY("company", "companyname", "organization", "organisation", "account", "empresa", "organizacao",
            "razaosocial", "nomedaempresa", "companhia"),
    JOB_TITLE("jobtitle", "title", "position", "role", "cargo", "funcao", "posicao", "profissao"),
    COUNTRY("country", "countrycode", "pais", "codigodopais"),
    SOURCE("source", "leadsource", "origin", "origem", "fonte", "canal", "origemdolead"),
    NOTES("notes", "note", "comments", "comment", "remarks", "notas", "observacoes", "observacao", "comentarios",
            "obs");

    private final Set<String> headers;

    ImportField(String... headers) {
        this.headers = Set.of(headers);
    }

    /**
     * The field each header suggests, in column order (null: not imported). "Nome"/"Name" means the
     * first name when another column holds the last name, else the full name; a field goes to its
     * first matching column only.
     */
    static List<@Nullable ImportField> guess(List<String> header) {
        List<@Nullable ImportField> guesses = new ArrayList<>();
        for (String name : header) {
            guesses.add(suggested(name));
        }
        boolean lastName = guesses.contains(LAST_NAME);
        Set<ImportField> taken = EnumSet.noneOf(ImportField.class);
        for (int i = 0; i < guesses.size(); i++) {
            ImportField field = guesses.get(i);
            if (field == FULL_NAME && lastName && !taken.contains(FIRST_NAME)
                    && Set.of("name", "nome").contains(key(header.get(i)))) {
                field = FIRST_NAME;
            }
            if (field == FIRST_NAME && !lastName && Set.of("name", "nome").contains(key(header.get(i)))) {
                field = FULL_NAME;
            }
            if (field != null && !taken.add(field)) {
                field = null;
            }
            guesses.set(i, field);
        }
        return guesses;
    }

    private static @Nullable ImportField suggested(String header) {
        String key = key(header);
        if (key.equals("nome") || key.equals("name")) {
            return FULL_NAME;
        }
        for (ImportField field : values()) {
            if (field.headers.contains(key)) {
                return field;
            }
        }
        return null;
    }

    /** "E-mail", "e_mail", "País", "Nome completo" become "email", "email", "pais", "nomecompleto". */
    static String key(String header) {
        return ContactCheck.plain(header).replaceAll("[^a-z0-9]", "");
    }

    /** Whether the fields a lead needs are mapped: names (first and last, or full) and an e-mail or phone. */
    static @Nullable String missing(Map<Integer, ImportField> mapping) {
        var fields = mapping.values();
        boolean names = fields.contains(FULL_NAME) || (fields.contains(FIRST_NAME) && fields.contains(LAST_NAME));
        if (!names) {
            return fields.contains(FIRST_NAME) ? "import.error.map-last-name"
                    : fields.contains(LAST_NAME) ? "import.error.map-first-name" : "import.error.map-names";
        }
        if (!fields.contains(EMAIL) && !fields.contains(PHONE)) {
            return "import.error.map-contact";
        }
        return null;
    }
}
