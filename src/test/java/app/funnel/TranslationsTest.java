package app.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every translation key the code names exists in English and in Brazilian Portuguese, so that no
 * page shows Vaadin's "!en: key" marker (Home once did, for the dashboard and the import).
 */
class TranslationsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** getTranslation("key", ...), and the keys of refusals and input errors. */
    private static final List<Pattern> KEY_USES = List.of(
            Pattern.compile("getTranslation\\(\\s*\"([a-z][\\w.-]+)\""),
            Pattern.compile("getTranslation\\([^;]*?\\?\\s*\"([a-z][\\w.-]+)\"\\s*:\\s*\"([a-z][\\w.-]+)\""),
            Pattern.compile("new RefusedException\\(\\s*\"([a-z][\\w.-]+)\""),
            Pattern.compile("new InvalidInputException\\(\\s*\"[^\"]*\",\\s*\"([a-z][\\w.-]+)\""));

    @Test
    void every_key_the_code_names_is_translated_in_both_languages() throws IOException {
        Properties en = bundle("translations.properties");
        Properties pt = bundle("translations_pt_BR.properties");
        Set<String> missing = new TreeSet<>();
        for (String key : keysUsed()) {
            if (!en.containsKey(key)) {
                missing.add("en: " + key);
            }
            if (!pt.containsKey(key)) {
                missing.add("pt-BR: " + key);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void both_languages_have_the_same_keys() throws IOException {
        Set<String> en = new TreeSet<>(bundle("translations.properties").stringPropertyNames());
        Set<String> pt = new TreeSet<>(bundle("translations_pt_BR.properties").stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(pt);
        Set<String> onlyPt = new TreeSet<>(pt);
        onlyPt.removeAll(en);
        assertThat(onlyEn).as("keys only in English").isEmpty();
        assertThat(onlyPt).as("keys only in Portuguese").isEmpty();
    }

    @Test
    void a_message_with_arguments_doubles_its_apostrophes() throws IOException {
        // with arguments the text goes through MessageFormat, where a lone ' starts a quoted part
        for (String name : List.of("translations.properties", "translations_pt_BR.properties")) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(text.replace("''", "")).as(name + ": " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void every_menu_entry_has_a_description_on_home() throws IOException {
        Properties en = bundle("translations.properties");
        Pattern menu = Pattern.compile("@Menu\\([^)]*title\\s*=\\s*\"menu\\.([\\w-]+)\"");
        List<String> missing = new ArrayList<>();
        for (String source : sources()) {
            Matcher m = menu.matcher(source);
            while (m.find()) {
                if (!m.group(1).equals("home") && !en.containsKey("home." + m.group(1) + ".description")) {
                    missing.add("home." + m.group(1) + ".description");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> keysUsed() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String source : sources()) {
            for (Pattern pattern : KEY_USES) {
                Matcher m = pattern.matcher(source);
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        // "lead.status." + status is a prefix: the e2e tests look for markers on the pages
                        if (!m.group(g).endsWith(".") && !m.group(g).endsWith("-")) {
                            keys.add(m.group(g));
                        }
                    }
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(300);
        return keys;
    }

    private static List<String> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(
                TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
