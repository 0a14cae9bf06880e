package app.funnel.base;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file as Excel opens it: UTF-8 with a byte-order mark (so that accents come out right), a
 * header row (defused like every cell: a header can come from an uploaded file), comma or semicolon between fields (Excel in Brazil and Portugal expects semicolons).
 * Rows are written as they come, so an export of a million rows holds one row in memory.
 */
public final class CsvExport implements AutoCloseable {

    /** The field separators an export offers. */
    public enum Delimiter {
        COMMA(','), SEMICOLON(';');

        private final char character;

        Delimiter(char character) {
            this.character = character;
        }

        public char character() {
            return character;
        }
    }

    /**
     * The words of an export in the user's language: column names and coded values (status,
     * source, stage...) through translation keys. {@link #CODES} keeps the stable codes, for other
     * programs that read the file.
     */
    @FunctionalInterface
    public interface Words {
        Words CODES = key -> null;

        /** The text for the key, or null to write the code. */
        @org.jspecify.annotations.Nullable String word(String key);

        /** A column name: the translation of {@code prefix + code}, or the code. */
        default String column(String prefix, String code) {
            String text = word(prefix + code);
            return text == null ? code : text;
        }

        /** A coded value (null stays empty): the translation of {@code prefix + code}, or the code. */
        default String value(String prefix, @org.jspecify.annotations.Nullable String code) {
            if (code == null || code.isEmpty()) {
                return "";
            }
            String text = word(prefix + code);
            return text == null ? code : text;
        }
    }

    private final CSVPrinter printer;

    public CsvExport(OutputStream out, Delimiter delimiter, List<String> header) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = CSVFormat.EXCEL.builder().setDelimiter(delimiter.character())
                    .setHeader(header.stream().map(CsvExport::defused).toArray(String[]::new)).get().print(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(Object... values) {
        try {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof String text) {
                    values[i] = defused(text);
                }
            }
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
     * return) gets a leading apostrophe, so that it shows as text (OWASP's advice against CSV
     * injection); plain numbers such as an E.164 phone or a negative amount are left as they are.
     */
    static String defused(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?");

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
