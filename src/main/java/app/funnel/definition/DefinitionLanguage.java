package app.funnel.definition;

import app.funnel.base.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The company's language for its definitions ({@code FUNNEL_LANGUAGE}: {@code en}, the default,
 * or {@code pt-BR}). Migration V2 ships version 1 in English; on the first start of a company in
 * Portuguese, before anyone has read, acknowledged, drafted or confirmed anything, version 1 is
 * written in Portuguese as the source document says it (Necessidade, Habilidade, Desejo,
 * Autoridade), with the same criterion codes. Once chosen, the language of version 1 never changes;
 * later versions are whatever leadership writes.
 */
@Component
@Order(-10)
class DefinitionLanguage implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefinitionLanguage.class);
    static final String SETTING = "definitions.language";

    private final JdbcTemplate jdbc;
    private final Settings settings;
    private final TransactionTemplate transaction;
    private final String language;

    DefinitionLanguage(JdbcTemplate jdbc, Settings settings, TransactionTemplate transaction,
                       app.funnel.base.FunnelProperties properties) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.transaction = transaction;
        this.language = normalized(properties.language());
    }

    static String normalized(String language) {
        String tag = language == null ? "" : language.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (tag.isEmpty() || tag.equals("en") || tag.startsWith("en-")) {
            return "en";
        }
        if (tag.equals("pt-br") || tag.equals("pt")) {
            return "pt-BR";
        }
        throw new IllegalStateException("FUNNEL_LANGUAGE=" + language + " is not offered: use en or pt-BR");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.get(SETTING).isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (language.equals("pt-BR") && untouched()) {
                write(load("definitions/version-1_pt_BR.properties"));
                log.info("Definitions version 1 written in Brazilian Portuguese (FUNNEL_LANGUAGE=pt-BR)");
            } else if (language.equals("pt-BR")) {
                log.warn("FUNNEL_LANGUAGE=pt-BR, but the definitions were already in use in English; they stay as "
                        + "they are (leadership can publish a Portuguese version)");
            }
            settings.put(SETTING, untouchedOrLanguage());
        });
    }

    private String untouchedOrLanguage() {
        Integer portuguese = jdbc.queryForObject("SELECT COUNT(*) FROM definition_criterion WHERE version_number = 1 "
                + "AND code = 'need' AND name = 'Necessidade'", Integer.class);
        return portuguese != null && portuguese > 0 ? "pt-BR" : "en";
    }

    /** Nothing but version 1 as V2 wrote it, and nobody has read it yet. */
    private boolean untouched() {
        return count("SELECT COUNT(*) FROM definition_version") == 1
                && count("SELECT COUNT(*) FROM definition_version WHERE number = 1 AND published_by = 'system'") == 1
                && count("SELECT COUNT(*) FROM definition_acknowledgement") == 0
                && count("SELECT COUNT(*) FROM definition_draft") == 0
                && count("SELECT COUNT(*) FROM criterion_confirmation") == 0;
    }

    private int count(String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }

    private void write(Properties texts) {
        jdbc.update("UPDATE definition_version SET change_note = ? WHERE number = 1", texts.getProperty("change-note"));
        for (String term : jdbc.queryForList("SELECT term FROM definition_entry WHERE version_number = 1", String.class)) {
            jdbc.update("UPDATE definition_entry SET body = ?, examples = ? WHERE version_number = 1 AND term = ?",
                    required(texts, term + ".body"), texts.getProperty(term + ".examples", ""), term);
        }
        for (var row : jdbc.queryForList("SELECT term, code FROM definition_criterion WHERE version_number = 1")) {
            String key = row.get("term") + "." + row.get("code");
            jdbc.update("UPDATE definition_criterion SET name = ?, explanation = ? WHERE version_number = 1 "
                    + "AND term = ? AND code = ?", required(texts, key + ".name"), required(texts, key + ".explanation"),
                    row.get("term"), row.get("code"));
        }
    }

    private static String required(Properties texts, String key) {
        String value = texts.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The Portuguese definitions have no text for " + key);
        }
        return value;
    }

    static Properties load(String resource) {
        Properties texts = new Properties();
        try (InputStream in = DefinitionLanguage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
