package app.funnel.importing;

import java.nio.file.Path;
import java.util.List;

/**
 * An uploaded CSV file as read: its encoding and delimiter (detected), its header, its first row
 * (to show what each column holds) and how many rows follow the header.
 */
public record ImportFile(Path path, String fileName, long bytes, Encoding encoding, char delimiter,
                         List<String> header, List<String> firstRow, int rows) {

    /** The delimiter as people name it: comma, semicolon or tab. */
    public String delimiterName() {
        return switch (delimiter) {
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "comma";
        };
    }
}
