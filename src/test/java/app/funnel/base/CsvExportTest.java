package app.funnel.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void formula_cells_and_formula_headers_are_written_as_text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvExport csv = new CsvExport(out, CsvExport.Delimiter.COMMA,
                List.of("name", "=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(A1)"))) {
            csv.row("=1+1", "+5511999999999", "-12.50");
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().toList().get(0)).doesNotContain(",=").doesNotContain(",@")
                .contains("'=HYPERLINK", "'@SUM(A1)");
        assertThat(text.lines().toList().get(1)).startsWith("'=1+1,+5511999999999,-12.50");
    }
}
