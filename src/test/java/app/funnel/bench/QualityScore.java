package app.funnel.bench;

import app.funnel.base.InvalidInputException;
import app.funnel.lead.LeadFields;
import app.funnel.lead.LeadInput;
import app.funnel.lead.SuspectReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores the lead-quality rules on a {@link LabelledLeads} set: precision and recall of the fake
 * flags, overall and per kind of fake and of trap, and the pairwise precision and recall of the
 * duplicate rule; printed as a table and written as {@code target/bench/quality.json}.
 */
final class QualityScore {

    /** One line of the table: a kind, how many of it, how many flagged (or found), and the rate. */
    record Line(String group, String kind, int n, int hits, double rate) {
    }

    record Fakes(double precision, double recall, int truePositives, int falsePositives, int falseNegatives,
                 List<Line> lines, List<String> refused, List<String> missed) {
    }

    record Pairs(double precision, double recall, int truePairs, int foundPairs, int correctPairs, List<Line> lines,
                 List<String> wrong) {
    }

    private QualityScore() {
    }

    /**
     * The fake side, through {@link LeadFields#check} (the one check every input takes: form,
     * capture, import); a record it refuses counts as not flagged, and is listed.
     */
    static Fakes fakes(List<LabelledLeads.Labelled> set) {
        Map<String, int[]> perKind = new TreeMap<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> refused = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (LabelledLeads.Labelled record : set) {
            boolean flagged;
            try {
                Set<SuspectReason> reasons = LeadFields.check(record.input()).suspect();
                flagged = !reasons.isEmpty();
            } catch (InvalidInputException e) {
                flagged = false;
                refused.add(record.kind() + ": " + describe(record.input()) + " -> " + e.getMessage());
            }
            int[] counts = perKind.computeIfAbsent(record.kind(), k -> new int[2]);
            counts[0]++;
            if (flagged) {
                counts[1]++;
            }
            if (record.fake() && flagged) {
                tp++;
            } else if (record.fake()) {
                fn++;
                if (missed.size() < 40) {
                    missed.add(record.kind() + ": " + describe(record.input()));
                }
            } else if (flagged) {
                fp++;
            }
        }
        List<Line> lines = new ArrayList<>();
        perKind.forEach((kind, c) -> lines.add(new Line(kind.startsWith("trap:") || kind.equals("genuine")
                ? "genuine (flagged = false alarm)" : "fake (flagged = caught)", kind, c[0], c[1], (double) c[1] / c[0])));
        return new Fakes(tp + fp == 0 ? 1 : (double) tp / (tp + fp), tp + fn == 0 ? 1 : (double) tp / (tp + fn),
                tp, fp, fn, lines, refused, missed);
    }

    /**
     * The duplicate side: {@code found} gives, for each record's index, the indexes of the records
     * the application calls the same person; scored against the labelled persons, pair by pair.
     */
    static Pairs pairs(List<LabelledLeads.Record> set, Function<Integer, Set<Integer>> found) {
        int truePairs = 0;
        Map<Integer, Integer> perPerson = new TreeMap<>();
        set.forEach(r -> perPerson.merge(r.person(), 1, Integer::sum));
        for (int n : perPerson.values()) {
            truePairs += n * (n - 1) / 2;
        }
        int foundPairs = 0;
        int correct = 0;
        Map<String, int[]> perKind = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            for (int j : found.apply(i)) {
                if (j <= i) {
                    continue;
                }
                foundPairs++;
                LabelledLeads.Record a = set.get(i);
                LabelledLeads.Record b = set.get(j);
                if (a.person() == b.person()) {
                    correct++;
                } else {
                    String kind = a.kind().equals("original") ? b.kind() : a.kind();
                    perKind.computeIfAbsent("linked wrongly: " + kind, k -> new int[1])[0]++;
                    if (wrong.size() < 20) {
                        wrong.add(describe(a.input()) + " ~ " + describe(b.input()));
                    }
                }
            }
        }
        // per kind of second record: found with its original or not
        Map<String, int[]> recallPerKind = new TreeMap<>();
        for (int i = 0; i < set.size(); i++) {
            LabelledLeads.Record r = set.get(i);
            if (r.kind().equals("original")) {
                continue;
            }
            int original = i - 1;
            while (original >= 0 && !set.get(original).kind().equals("original")) {
                original--;
            }
            boolean same = original >= 0 && set.get(original).person() == r.person();
            int[] c = recallPerKind.computeIfAbsent(r.kind(), k -> new int[2]);
            c[0]++;
            boolean linked = original >= 0 && (found.apply(i).contains(original) || found.apply(original).contains(i));
            if (linked == same) {
                c[1]++;
            }
        }
        List<Line> lines = new ArrayList<>();
        recallPerKind.forEach((kind, c) -> lines.add(new Line("pair with its original (right = linked when the same "
                + "person, apart when not)", kind, c[0], c[1], (double) c[1] / c[0])));
        perKind.forEach((kind, c) -> lines.add(new Line("wrong links", kind, c[0], c[0], 0)));
        return new Pairs(foundPairs == 0 ? 1 : (double) correct / foundPairs, truePairs == 0 ? 1 : (double) correct / truePairs,
                truePairs, foundPairs, correct, lines, wrong);
    }

    static void print(Fakes fakes, Pairs pairs) {
        System.out.printf(Locale.ROOT, "%-34s %-40s %6s %6s %7s%n", "group", "kind", "n", "hits", "rate");
        for (Line line : fakes.lines()) {
            System.out.printf(Locale.ROOT, "%-34s %-40s %6d %6d %7.3f%n", line.group().substring(0, Math.min(34,
                    line.group().length())), line.kind(), line.n(), line.hits(), line.rate());
        }
        System.out.printf(Locale.ROOT, "fakes: precision %.3f recall %.3f (tp %d, fp %d, fn %d)%n", fakes.precision(),
                fakes.recall(), fakes.truePositives(), fakes.falsePositives(), fakes.falseNegatives());
        fakes.refused().stream().limit(10).forEach(r -> System.out.println("  refused: " + r));
        fakes.missed().forEach(r -> System.out.println("  missed: " + r));
        for (Line line : pairs.lines()) {
            System.out.printf(Locale.ROOT, "%-34s %-40s %6d %6d %7.3f%n", line.group().substring(0, Math.min(34,
                    line.group().length())), line.kind(), line.n(), line.hits(), line.rate());
        }
        System.out.printf(Locale.ROOT, "duplicates: pairwise precision %.3f recall %.3f (true pairs %d, found %d, "
                + "correct %d)%n", pairs.precision(), pairs.recall(), pairs.truePairs(), pairs.foundPairs(),
                pairs.correctPairs());
        pairs.wrong().forEach(w -> System.out.println("  wrong: " + w));
    }

    static Path write(Path dir, String how, Fakes fakes, Pairs pairs) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"how\": \"").append(how).append("\",\n");
        json.append(String.format(Locale.ROOT, "  \"fakes\": {\"precision\": %.4f, \"recall\": %.4f, \"tp\": %d, "
                + "\"fp\": %d, \"fn\": %d, \"kinds\": [%n", fakes.precision(), fakes.recall(), fakes.truePositives(),
                fakes.falsePositives(), fakes.falseNegatives()));
        lines(json, fakes.lines());
        json.append("  ]},\n");
        json.append(String.format(Locale.ROOT, "  \"duplicates\": {\"precision\": %.4f, \"recall\": %.4f, "
                + "\"true_pairs\": %d, \"found_pairs\": %d, \"correct_pairs\": %d, \"kinds\": [%n", pairs.precision(),
                pairs.recall(), pairs.truePairs(), pairs.foundPairs(), pairs.correctPairs()));
        lines(json, pairs.lines());
        json.append("  ]}\n}\n");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("quality.json");
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lines(StringBuilder json, List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            json.append(String.format(Locale.ROOT, "    {\"group\": \"%s\", \"kind\": \"%s\", \"n\": %d, \"hits\": %d, "
                    + "\"rate\": %.4f}%s%n", l.group(), l.kind(), l.n(), l.hits(), l.rate(), i + 1 < lines.size() ? "," : ""));
        }
    }

    static String describe(LeadInput in) {
        return in.firstName() + " " + in.lastName() + " <" + in.email() + "> " + in.phone() + " @" + in.company()
                + " (" + in.country() + ")";
    }
}
