package app.funnel.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The encodings an imported file may be in, as detected from its bytes. */
public enum Encoding {
    UTF_8_BOM("UTF-8 (BOM)", StandardCharsets.UTF_8, 3),
    UTF_8("UTF-8", StandardCharsets.UTF_8, 0),
    UTF_16LE("UTF-16 LE", StandardCharsets.UTF_16LE, 2),
    UTF_16BE("UTF-16 BE", StandardCharsets.UTF_16BE, 2),
    /** UTF-16 without a byte-order mark, told by its NUL bytes (every other byte of Latin text). */
    UTF_16LE_NO_BOM("UTF-16 LE", StandardCharsets.UTF_16LE, 0),
    UTF_16BE_NO_BOM("UTF-16 BE", StandardCharsets.UTF_16BE, 0),
    /** What Excel writes in Brazil and Portugal: Windows-1252, a superset of ISO-8859-1 for text. */
    WINDOWS_1252("Windows-1252 / ISO-8859-1", Charset.forName("windows-1252"), 0);

    private final String label;
    private final Charset charset;
    private final int bomBytes;

    Encoding(String label, Charset charset, int bomBytes) {
        this.label = label;
        this.charset = charset;
        this.bomBytes = bomBytes;
    }

    public String label() {
        return label;
    }

    Charset charset() {
        return charset;
    }

    int bomBytes() {
        return bomBytes;
    }
}
