package app.funnel.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The signs that contact data was made up rather than given: placeholder personas, keyboard-mash
 * mailboxes, placeholder and disposable e-mail domains, phone numbers that cannot exist or are
 * reserved for fiction. Every rule looks at whole words and whole parts, never at a substring of a
 * name, so that real people called Testa, Tester or Asdrúbal are not flagged.
 */
final class FakeSigns {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** Whole names (first and last together, in plain form) that stand for nobody. */
    private static final Set<String> PLACEHOLDER_PERSONAS = Set.of(
            // English
            "john doe", "jane doe", "john q public", "john q. public", "joe bloggs", "fred bloggs", "joe public",
            "joe schmoe", "joe sixpack", "john smith test", "mickey mouse", "minnie mouse", "donald duck",
            "daffy duck", "bugs bunny", "homer simpson", "bart simpson", "santa claus", "peter parker",
            "bruce wayne", "clark kent", "harry potter", "lorem ipsum", "foo bar", "test user", "test test",
            "first last", "firstname lastname", "first name last name", "your name", "my name",
            // Portuguese
            "fulano de tal", "fulano da silva", "ciclano de tal", "beltrano de tal", "nome sobrenome",
            "seu nome", "meu nome", "nome completo", "pato donald", "papai noel", "teste teste", "usuario teste",
            // Spanish
            "fulanito de tal", "mengano de tal", "nombre apellido", "su nombre", "pato lucas",
            // German
            "max mustermann", "erika mustermann", "maxi musterfrau", "hans mustermann", "otto normalverbraucher",
            "vorname nachname",
            // French and Italian
            "jean bonbeur", "prenom nom", "nome cognome", "tizio caio");

    /** Single words that, as a whole first or last name, are not a name. */
    private static final Set<String> PLACEHOLDER_WORDS = Set.of("test", "teste", "testing", "testando", "tester123",
            "asdf", "qwerty", "xxx", "xxxx", "abc", "abcd", "abcde", "foo", "foobar", "fulano", "ciclano",
            "sicrano", "beltrano", "fulanito", "mengano", "zutano", "n/a", "none", "nenhum",
            "null", "undefined", "unknown", "desconhecido", "anonymous", "anonimo", "anonyme", "nobody",
            "ninguem", "nadie", "fake", "falso", "dummy", "sample", "example", "exemplo", "ejemplo", "beispiel",
            "nome", "name", "nombre", "sobrenome", "apellido", "surname", "lastname", "firstname", "vorname",
            "nachname", "first", "last", "user", "usuario", "usuaria",
            "aaa", "zzz", "xyz", "blah", "bla", "lorem", "ipsum", "mustermann", "musterfrau");

    /** Mailboxes that are a word for "nobody" or "a test" rather than a person's. */
    private static final Set<String> PLACEHOLDER_MAILBOXES = Set.of("test", "teste", "testing", "testes", "tests",
            "fake", "falso", "dummy", "noemail", "no-email", "no_email", "noreply", "no-reply", "nomail", "none",
            "nobody", "null", "sememail", "semmail", "nao", "naotem", "nenhum", "email", "e-mail", "mail",
            "seuemail", "seu.email", "meuemail", "your.email", "youremail", "your-email", "myemail", "my.email",
            "name", "nome", "user", "usuario", "example", "exemplo", "sample", "asdf", "qwerty", "xxx", "abc",
            "abc123", "a", "aa", "aaa", "x", "xx", "foo", "bar", "foobar", "lorem", "blah", "teste123", "test123",
            "wasd");

    private static final Set<String> PLACEHOLDER_DOMAINS = Set.of("example.com", "example.org", "example.net",
            "test.com", "teste.com", "test.com.br", "teste.com.br", "email.com", "domain.com", "foo.com", "bar.com",
            "asdf.com", "qwerty.com", "teste.com.pt", "test.de", "beispiel.de", "exemplo.com", "exemplo.com.br",
            "ejemplo.com", "nomail.com", "noemail.com", "sememail.com", "fake.com", "dominio.com", "seudominio.com",
            "yourdomain.com", "mydomain.com", "company.com", "empresa.com", "empresa.com.br", "localhost",
            "invalid", "test", "local");

    /** Keyboard rows and columns (QWERTY, QWERTZ, AZERTY), forwards: a mailbox typed along one is a mash. */
    private static final List<String> KEY_RUNS = List.of("qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop",
            "yxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "qazwsxedcrfvtgbyhnujmikolp", "1qaz2wsx3edc4rfv",
            "abcdefghijklmnopqrstuvwxyz", "0123456789");

    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");
    private static final Set<String> DISPOSABLE_DOMAINS = load("/quality/disposable-email-domains.txt");
    /** Known to Funnel before the shipped list and missing from it. */
    private static final Set<String> DISPOSABLE_ADDITIONS = Set.of("tempmail.com");

    private FakeSigns() {
    }

    static boolean isPlaceholderName(String first, String last) {
        String whole = words(first + " " + last);
        if (PLACEHOLDER_PERSONAS.contains(whole) || isPlaceholderWord(words(first)) || isPlaceholderWord(words(last))) {
            return true;
        }
        // a mash split in two ("As Df", "Qwe Rty")
        return isMash(NOT_LETTER.matcher(whole).replaceAll(""));
    }

    private static boolean isPlaceholderWord(String word) {
        if (word.isEmpty()) {
            return false;
        }
        if (PLACEHOLDER_WORDS.contains(word)) {
            return true;
        }
        String letters = NOT_LETTER.matcher(word).replaceAll("");
        // one letter repeated ("aaaa"), or a name with no vowel sound that runs along the keyboard
        return letters.length() >= 3 && letters.chars().distinct().count() == 1
                || letters.length() >= 4 && isMash(letters);
    }

    /**
     * Letters typed along a keyboard row or column ("asdfgh", "qwerty", "zxcvb", their reverse), or
     * a short run of them repeated ("sdfsdf", "asdasd", "jkljkl"): no name or mailbox reads so.
     */
    static boolean isMash(String letters) {
        if (letters.length() < 4) {
            return false;
        }
        if (letters.chars().distinct().count() == 1) {
            return true;
        }
        if (alongKeys(letters)) {
            return true;
        }
        // a unit of two letters three times or of three or four letters twice, the unit along the keys
        // ("asasas", "sdfsdf", "asdfasdf"; not "Kiki" or "Lulu")
        for (int unit = 2; unit <= 4; unit++) {
            if (letters.length() >= 6 && letters.length() % unit == 0) {
                String first = letters.substring(0, unit);
                if (first.repeat(letters.length() / unit).equals(letters) && alongKeys(first)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean alongKeys(String letters) {
        String reversed = new StringBuilder(letters).reverse().toString();
        for (String run : KEY_RUNS) {
            if (run.contains(letters) || run.contains(reversed)) {
                return true;
            }
        }
        return false;
    }

    /** A mailbox (the part before @) that is a placeholder word or a keyboard mash, digits and dots aside. */
    static boolean isPlaceholderMailbox(String local) {
        String lower = local.toLowerCase(Locale.ROOT);
        int plus = lower.indexOf('+');
        if (plus > 0) {
            lower = lower.substring(0, plus);
        }
        if (PLACEHOLDER_MAILBOXES.contains(lower)) {
            return true;
        }
        String letters = NOT_LETTER.matcher(lower).replaceAll("");
        if (letters.isEmpty()) {
            // only digits: "123456@", "000@"
            String digits = lower.replaceAll("[^0-9]", "");
            return digits.length() >= 3 && isMash(digits);
        }
        // "test123", "teste.01", "asdfgh", "qwerty2024", "sdfsdf"
        return PLACEHOLDER_MAILBOXES.contains(letters) || isMash(letters);
    }

    static boolean isPlaceholderDomain(String domain) {
        return PLACEHOLDER_DOMAINS.contains(domain) || domain.endsWith(".example") || domain.endsWith(".test")
                || domain.endsWith(".invalid") || domain.endsWith(".localhost") || domain.endsWith(".local");
    }

    /** A domain on the disposable list, or a subdomain of one. */
    static boolean isDisposableDomain(String domain) {
        String d = domain;
        while (true) {
            if (DISPOSABLE_DOMAINS.contains(d) || DISPOSABLE_ADDITIONS.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }

    /**
     * A number that exists by its plan but is reserved for films and books (NANP 555-0100 to
     * 555-0199, Ofcom's drama ranges, Australia's), or whose subscriber part is one digit repeated or
     * a counting run ("99999-9999", "1234-5678") behind a real area code.
     */
    static boolean isFictionalPhone(String e164) {
        Phonenumber.PhoneNumber number;
        try {
            number = PHONES.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return false;
        }
        String national = PHONES.getNationalSignificantNumber(number);
        int code = number.getCountryCode();
        if (code == 1 && national.length() == 10 && national.startsWith("55501", 3)) {
            return true;
        }
        if (code == 44 && (national.matches("7700900\\d{3}") || national.matches("20794600\\d{2}")
                || national.matches("1134960\\d{3}") || national.matches("1614960\\d{3}")
                || national.matches("1174960\\d{3}") || national.matches("1314960\\d{3}")
                || national.matches("8081570\\d{3}") || national.matches("9098790\\d{3}"))) {
            return true;
        }
        if (code == 61 && (national.matches("4915700\\d{2}") || national.matches("2555501\\d{2}")
                || national.matches("3555501\\d{2}") || national.matches("7555501\\d{2}")
                || national.matches("8555501\\d{2}"))) {
            return true;
        }
        int area = PHONES.getLengthOfNationalDestinationCode(number);
        String subscriber = area > 0 && area < national.length() ? national.substring(area) : national;
        return subscriber.length() >= 6 && (longestRepeat(subscriber) >= subscriber.length() - 1
                || isCountingRun(subscriber) || isCountingRun(national));
    }

    private static int longestRepeat(String digits) {
        int best = 1;
        int run = 1;
        for (int i = 1; i < digits.length(); i++) {
            run = digits.charAt(i) == digits.charAt(i - 1) ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Each digit one more (or one less) than the one before, allowing for a leading mobile 9. */
    private static boolean isCountingRun(String digits) {
        for (String d : List.of(digits, digits.substring(1))) {
            if (d.length() < 6) {
                continue;
            }
            boolean up = true;
            boolean down = true;
            for (int i = 1; i < d.length(); i++) {
                int step = (d.charAt(i) - d.charAt(i - 1) + 10) % 10;
                up &= step == 1;
                down &= step == 9;
            }
            if (up || down) {
                return true;
            }
        }
        return false;
    }

    private static String words(String text) {
        return ContactCheck.words(text);
    }

    private static Set<String> load(String resource) {
        Set<String> domains = new HashSet<>();
        try (InputStream in = Objects.requireNonNull(FakeSigns.class.getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String domain = line.strip().toLowerCase(Locale.ROOT);
                if (!domain.isEmpty() && !domain.startsWith("#")) {
                    domains.add(domain);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(domains);
    }
}
