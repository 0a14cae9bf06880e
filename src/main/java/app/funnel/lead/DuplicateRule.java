package app.funnel.lead;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

/**
 * When two leads are the same person: the one rule for the form, the import, web capture and the
 * duplicate review. The database finds the candidates by its keys (e-mail key, phone, name and
 * company key); this rule decides what each candidate is.
 * <ul>
 * <li>the same e-mail as the provider reads it, or the same name at the same company: the same person;
 * <li>the same phone: the same person only when the names match too (accents, case and order
 * aside, one typo allowed in the last name, or in a first name of five letters or more that ends
 * alike, and no two different e-mail addresses when the names differ by that typo), since
 * colleagues give the switchboard and couples the home line; otherwise it only "shares a phone with";
 * <li>a name close to the other's (Jaro-Winkler) at the same company or with the same phone: a
 * suggestion, never a block.
 * </ul>
 */
public final class DuplicateRule {

    /** What two leads have in common, by how sure it makes the match. */
    public enum Match {
        /** The same e-mail as the provider reads it: the same person. */
        EMAIL,
        /** The same name at the same company: the same person. */
        NAME_AND_COMPANY,
        /** The same phone and the same name: the same person. */
        PHONE_AND_NAME,
        /** The same phone only (a switchboard, a home line): shown, never blocks. */
        SHARES_PHONE,
        /** A similar name at the same company or behind the same phone: a suggestion. */
        SIMILAR_NAME;

        /** Whether this match alone makes two leads the same person. */
        public boolean certain() {
            return this == EMAIL || this == NAME_AND_COMPANY || this == PHONE_AND_NAME;
        }
    }

    /** The fields a match is decided by, as stored (keys from {@link ContactCheck}). */
    public record Person(String firstName, String lastName, @Nullable String emailKey, @Nullable String phone,
                         @Nullable String companyKey) {
    }

    private static final double SIMILAR = 0.92;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    private DuplicateRule() {
    }

    /**
     * A person with the forms the rule compares worked out once (a scan compares each lead with many):
     * the name key, the sorted words of the whole name, the words of the first and of the last name.
     */
    public static final class Prepared {
        final Person person;
        final String nameKey;
        final String[] sortedWords;
        final String first;
        final String last;

        Prepared(Person person) {
            this.person = person;
            this.nameKey = ContactCheck.nameKey(person.firstName(), person.lastName());
            this.sortedWords = sorted(words(person.firstName() + " " + person.lastName()));
            this.first = String.join(" ", words(person.firstName()));
            this.last = String.join(" ", words(person.lastName()));
        }

        public Person person() {
            return person;
        }
    }

    public static Prepared prepare(Person person) {
        return new Prepared(person);
    }

    /** What the two have in common; empty when they are not a candidate pair. */
    public static Set<Match> compare(Person a, Person b) {
        return compare(prepare(a), prepare(b), true);
    }

    /**
     * What the two have in common.
     *
     * @param similar whether to look for a similar name too (a suggestion; the scan keeps only the certain)
     */
    public static Set<Match> compare(Prepared pa, Prepared pb, boolean similar) {
        Person a = pa.person;
        Person b = pb.person;
        Set<Match> matches = EnumSet.noneOf(Match.class);
        if (a.emailKey() != null && a.emailKey().equals(b.emailKey())) {
            matches.add(Match.EMAIL);
        }
        boolean sameName = pa.nameKey.equals(pb.nameKey);
        boolean sameCompany = a.companyKey() != null && a.companyKey().equals(b.companyKey());
        if (sameCompany && sameName) {
            matches.add(Match.NAME_AND_COMPANY);
        }
        boolean samePhone = a.phone() != null && a.phone().equals(b.phone());
        if (samePhone) {
            matches.add(namesMatch(pa, pb) ? Match.PHONE_AND_NAME : Match.SHARES_PHONE);
        }
        if (similar && (sameCompany || samePhone) && matches.stream().noneMatch(Match::certain) && !sameName
                && JARO_WINKLER.apply(pa.nameKey, pb.nameKey) >= SIMILAR) {
            matches.add(Match.SIMILAR_NAME);
        }
        return matches;
    }

    /** Whether any of the matches makes the two the same person. */
    public static boolean certain(Set<Match> matches) {
        return matches.stream().anyMatch(Match::certain);
    }

    /**
     * The same name, accents, case and word order aside; or the same first name and a last name
     * one typo away, unless both give an e-mail and the two differ (colleagues one letter apart).
     */
    static boolean namesMatch(Prepared pa, Prepared pb) {
        if (Arrays.equals(pa.sortedWords, pb.sortedWords)) {
            return true;
        }
        Person a = pa.person;
        Person b = pb.person;
        boolean differentMailboxes = a.emailKey() != null && b.emailKey() != null && !a.emailKey().equals(b.emailKey());
        if (differentMailboxes) {
            return false;
        }
        return pa.first.equals(pb.first) && !pa.last.isEmpty() && ONE_EDIT.apply(pa.last, pb.last) >= 0
                || pa.last.equals(pb.last) && typoInFirstName(pa.first, pb.first)
                || pa.first.equals(pb.last) && pa.last.equals(pb.first);
    }

    /**
     * A first name one typo from the other (a letter left out, doubled or changed), of five letters or
     * more, ending alike: "Fernndo" for
     * "Fernando", but never Mario and Maria, Daniel and Daniela, Paulo and Paula (a couple at one
     * home line differs by the last letter).
     */
    private static boolean typoInFirstName(String a, String b) {
        return a.length() >= 5 && b.length() >= 5 && a.charAt(a.length() - 1) == b.charAt(b.length() - 1)
                && ONE_EDIT.apply(a, b) >= 0;
    }

    private static String[] words(String name) {
        String plain = ContactCheck.words(name);
        return plain.isEmpty() ? new String[0] : plain.split(" ");
    }

    private static String[] sorted(String[] words) {
        String[] copy = words.clone();
        Arrays.sort(copy);
        return copy;
    }
}
