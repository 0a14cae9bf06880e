package app.funnel.definition;

import java.util.ArrayList;
import java.util.List;

/** Draft criteria in one text column: a line per criterion, code, name and explanation separated by tabs. */
final class CriteriaCodec {

    private CriteriaCodec() {
    }

    static String encode(List<Criterion> criteria) {
        StringBuilder text = new StringBuilder();
        for (Criterion c : criteria) {
            text.append(oneLine(c.code())).append('\t').append(oneLine(c.name())).append('\t')
                    .append(oneLine(c.explanation())).append('\n');
        }
        return text.toString();
    }

    static List<Criterion> decode(String text) {
        List<Criterion> criteria = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            criteria.add(new Criterion(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : ""));
        }
        return criteria;
    }

    static String oneLine(String value) {
        return value.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ').strip();
    }
}
