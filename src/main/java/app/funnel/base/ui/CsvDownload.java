package app.funnel.base.ui;

import app.funnel.base.CsvExport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * "Export CSV" for a grid: the file is written as it downloads, with the separator the user picks
 * (semicolon by default where Excel expects it, as in Brazil and Portugal).
 */
public class CsvDownload extends Div {

    /** Writes the export to the response as it is downloaded. */
    @FunctionalInterface
    public interface Writer {
        void write(CsvExport.Delimiter delimiter, CsvExport.Words words, OutputStream out);
    }

    /** A writer whose file has no coded values to translate (the dashboard's figures). */
    @FunctionalInterface
    public interface PlainWriter {
        void write(CsvExport.Delimiter delimiter, OutputStream out);
    }

    private final Select<CsvExport.Delimiter> delimiter = new Select<>();
    /** Column names and values in the user's language, or the stable codes other programs read. */
    private final Select<Boolean> codes = new Select<>();
    private final Anchor link;

    public CsvDownload(String fileName, PlainWriter writer) {
        this(fileName, (Writer) (delimiter, words, out) -> writer.write(delimiter, out));
        codes.setVisible(false);
    }

    /** With a choice of column names and values in the user's language or as codes. */
    public CsvDownload(String fileName, Writer writer) {
        addClassName("funnel-csv-download");
        delimiter.setItems(CsvExport.Delimiter.values());
        delimiter.setItemLabelGenerator(d -> getTranslation("csv.delimiter." + d.name()));
        Locale locale = getLocale();
        delimiter.setValue("pt".equals(locale.getLanguage()) ? CsvExport.Delimiter.SEMICOLON
                : CsvExport.Delimiter.COMMA);
        delimiter.setWidth("9rem");
        delimiter.setAriaLabel(getTranslation("csv.delimiter"));
        codes.setItems(false, true);
        codes.setItemLabelGenerator(c -> getTranslation(c ? "csv.words.codes" : "csv.words.language"));
        codes.setValue(false);
        codes.setWidth("13rem");
        codes.setAriaLabel(getTranslation("csv.words"));
        codes.setId("export-words");
        CsvExport.Words language = key -> {
            String text = com.vaadin.flow.i18n.I18NProvider.translate(locale, key);
            return text == null || text.startsWith("!") ? null : text;
        };
        link = new Anchor((DownloadEvent event) -> {
            event.setFileName(fileName);
            event.setContentType("text/csv; charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                writer.write(delimiter.getValue(), Boolean.TRUE.equals(codes.getValue()) ? CsvExport.Words.CODES : language,
                        out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "");
        // a button inside the link: it looks like the other actions, and the browser downloads the file
        com.vaadin.flow.component.button.Button button = new com.vaadin.flow.component.button.Button(
                getTranslation("csv.export"), new Icon(VaadinIcon.DOWNLOAD_ALT));
        button.setTabIndex(-1);
        link.add(button);
        link.addClassName("funnel-csv-link");
        link.setId("export-csv");
        add(delimiter, codes, link);
    }

    /** The download link's id, where a page has more than one export (default {@code export-csv}). */
    public CsvDownload linkId(String id) {
        link.setId(id);
        return this;
    }
}
