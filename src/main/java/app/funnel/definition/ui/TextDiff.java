package app.funnel.definition.ui;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import com.vaadin.flow.component.Html;
import java.util.Arrays;
import java.util.List;

/** Two texts side by side, line by line, with the changed words marked (removed on the left, added on the right). */
final class TextDiff {

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .mergeOriginalRevised(false)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    private TextDiff() {
    }

    /** A two-column table; the texts are HTML-escaped by the generator before the marks are added. */
    static Html sideBySide(String before, String after) {
        List<DiffRow> rows = GENERATOR.generateDiffRows(lines(before), lines(after));
        StringBuilder html = new StringBuilder("<table class=\"funnel-diff\"><tbody>");
        for (DiffRow row : rows) {
            String kind = row.getTag().name().toLowerCase();
            html.append("<tr class=\"").append(kind).append("\"><td>").append(row.getOldLine())
                    .append("</td><td>").append(row.getNewLine()).append("</td></tr>");
        }
        return new Html(html.append("</tbody></table>").toString());
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }
}
