package app.funnel.importing;

import app.funnel.base.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading an uploaded CSV file: its encoding from the bytes (a byte-order mark, else strict UTF-8,
 * else Windows-1252; a file mixing UTF-8 and another encoding is refused), its delimiter from the
 * header line, and its rows with Commons CSV. Every refusal names what to fix.
 */
final class CsvReading {

    /** The most rows one import takes; a larger file is refused before anything is imported. */
    static final int MAX_ROWS = 500_000;
    /** The most columns a file may have: a lead has a dozen fields; thousands of columns are not a lead list. */
    static final int MAX_COLUMNS = 200;
    /** The longest line read, in characters: longer lines are refused before they fill the memory. */
    static final int MAX_LINE = 100_000;

    private CsvReading() {
    }

    /**
     * Reads the whole file once: encoding, delimiter, header, row count, and that its quoting is
     * sound.
     *
     * @throws InvalidInputException field "file", saying what is wrong and where
     */
    static ImportFile analyze(Path path, String fileName) {
        try {
            long bytes = Files.size(path);
            if (bytes == 0) {
                throw new InvalidInputException("file", "import.error.empty");
            }
            Encoding encoding = encoding(path);
            String headerLine = firstLine(path, encoding);
            char delimiter = delimiter(headerLine);
            List<String> header = new ArrayList<>();
            List<String> firstRow = new ArrayList<>();
            int[] rows = {0};
            each(path, encoding, delimiter, record -> {
                if (record.getRecordNumber() == 1) {
                    for (int i = 0; i < record.size(); i++) {
                        String name = record.get(i).strip();
                        header.add(name.isEmpty() ? "#" + (i + 1) : name);
                    }
                } else if (!blank(record)) {
                    if (rows[0] == 0) {
                        firstRow.addAll(record.toList());
                    }
                    if (++rows[0] > MAX_ROWS) {
                        throw new InvalidInputException("file", "import.error.too-many-rows", MAX_ROWS);
                    }
                }
            });
            if (header.isEmpty() || header.stream().allMatch(h -> h.startsWith("#"))) {
                throw new InvalidInputException("file", "import.error.empty");
            }
            if (rows[0] == 0) {
                throw new InvalidInputException("file", "import.error.header-only");
            }
            return new ImportFile(path, fileName, bytes, encoding, delimiter, List.copyOf(header), List.copyOf(firstRow), rows[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives each record of the file (the header is record 1) to the consumer, skipping empty lines.
     * Broken quoting is refused with the line it starts at.
     */
    static void each(Path path, Encoding encoding, char delimiter, Consumer<CSVRecord> consumer) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).get();
        try (Reader reader = reader(path, encoding); CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException broken) {
                    throw new InvalidInputException("file", "import.error.quoting", parser.getCurrentLineNumber());
                }
                if (record.size() > MAX_COLUMNS) {
                    throw new InvalidInputException("file", "import.error.too-many-columns",
                            record.getRecordNumber() == 1 ? 1 : parser.getCurrentLineNumber(), record.size(), MAX_COLUMNS);
                }
                consumer.accept(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data row of a file and its number (1 = the first row after the header, empty lines not counted). */
    @FunctionalInterface
    interface RowConsumer {
        void accept(int rowNo, CSVRecord record);
    }

    /** Gives each data row of the file, numbered, to the consumer: the header and empty lines are skipped. */
    static void rows(ImportFile file, RowConsumer consumer) {
        int[] rowNo = {0};
        each(file.path(), file.encoding(), file.delimiter(), record -> {
            if (record.getRecordNumber() > 1 && !blank(record)) {
                consumer.accept(++rowNo[0], record);
            }
        });
    }

    static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static Reader reader(Path path, Encoding encoding) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.skipNBytes(encoding.bomBytes());
        return new LineLimit(new BufferedReader(new InputStreamReader(in, encoding.charset().newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), 1 << 16));
    }

    /** Refuses a line longer than {@link #MAX_LINE} while reading it, before the parser holds it all. */
    private static final class LineLimit extends java.io.FilterReader {
        private int sinceNewline;
        private long line = 1;

        LineLimit(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(char c) {
            if (c == '\n') {
                sinceNewline = 0;
                line++;
            } else if (++sinceNewline > MAX_LINE) {
                throw new InvalidInputException("file", "import.error.line-too-long", line, MAX_LINE);
            }
        }
    }

    /**
     * A byte-order mark decides; without one, a file that is valid UTF-8 is UTF-8, and one with no
     * valid UTF-8 sequence beyond ASCII is Windows-1252. Both kinds in one file is refused.
     */
    static Encoding encoding(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            byte[] start = in.readNBytes(4096);
            if (spreadsheet(start)) {
                throw new InvalidInputException("file", "import.error.spreadsheet");
            }
            byte[] head = java.util.Arrays.copyOf(start, Math.min(3, start.length));
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return Encoding.UTF_8_BOM;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return Encoding.UTF_16LE;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return Encoding.UTF_16BE;
            }
            Encoding utf16 = utf16WithoutMark(start);
            if (utf16 != null) {
                return utf16;
            }
        }
        long line = 1;
        long firstInvalidLine = 0;
        long firstValidLine = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            int pending = 0; // continuation bytes still expected
            int n;
            // a multi-byte sequence cut by the buffer's end continues in the next read: state is kept
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (pending > 0) {
                        if ((b & 0xC0) == 0x80) {
                            if (--pending == 0 && firstValidLine == 0) {
                                firstValidLine = line;
                            }
                            continue;
                        }
                        pending = 0;
                        if (firstInvalidLine == 0) {
                            firstInvalidLine = line;
                        }
                    }
                    if (b == '\n') {
                        line++;
                    } else if (b >= 0x80) {
                        if (b >= 0xC2 && b <= 0xDF) {
                            pending = 1;
                        } else if (b >= 0xE0 && b <= 0xEF) {
                            pending = 2;
                        } else if (b >= 0xF0 && b <= 0xF4) {
                            pending = 3;
                        } else if (firstInvalidLine == 0) {
                            firstInvalidLine = line;
                        }
                    }
                }
                if (firstInvalidLine > 0 && firstValidLine > 0) {
                    break;
                }
            }
            if (pending > 0 && firstInvalidLine == 0) {
                firstInvalidLine = line;
            }
        }
        if (firstInvalidLine == 0) {
            return Encoding.UTF_8;
        }
        if (firstValidLine == 0) {
            return Encoding.WINDOWS_1252;
        }
        throw new InvalidInputException("file", "import.error.mixed-encoding", firstValidLine, firstInvalidLine);
    }

    /** A zip (xlsx, ods) or an OLE file (xls) renamed to .csv: a spreadsheet, not text. */
    private static boolean spreadsheet(byte[] start) {
        boolean zip = start.length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
        boolean ole = start.length >= 4 && (start[0] & 0xFF) == 0xD0 && (start[1] & 0xFF) == 0xCF
                && (start[2] & 0xFF) == 0x11 && (start[3] & 0xFF) == 0xE0;
        return zip || ole;
    }

    /**
     * UTF-16 without a byte-order mark: text in Latin letters has a NUL in every other byte (the high
     * byte of each character), at odd positions in little-endian files and even ones in big-endian.
     */
    private static @org.jspecify.annotations.Nullable Encoding utf16WithoutMark(byte[] start) {
        int pairs = start.length / 2;
        if (pairs < 2) {
            return null;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i + 1 < start.length; i += 2) {
            evenNuls += start[i] == 0 ? 1 : 0;
            oddNuls += start[i + 1] == 0 ? 1 : 0;
        }
        if (oddNuls * 10 >= pairs * 7 && evenNuls * 10 < pairs) {
            return Encoding.UTF_16LE_NO_BOM;
        }
        if (evenNuls * 10 >= pairs * 7 && oddNuls * 10 < pairs) {
            return Encoding.UTF_16BE_NO_BOM;
        }
        return null;
    }

    private static String firstLine(Path path, Encoding encoding) throws IOException {
        try (BufferedReader reader = new BufferedReader(reader(path, encoding))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    return line;
                }
            }
            throw new InvalidInputException("file", "import.error.empty");
        }
    }

    /** The one of semicolon, tab and comma that appears most often outside quotes in the header line. */
    static char delimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
