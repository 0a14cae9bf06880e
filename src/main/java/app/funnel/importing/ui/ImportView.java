package app.funnel.importing.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Messages;
import app.funnel.importing.DuplicateChoice;
import app.funnel.importing.ImportField;
import app.funnel.importing.ImportFile;
import app.funnel.importing.ImportOptions;
import app.funnel.importing.ImportService;
import app.funnel.importing.ImportStatus;
import app.funnel.importing.ImportSummary;
import app.funnel.importing.Preview;
import app.funnel.lead.LeadSource;
import app.funnel.lead.SignalKind;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.streams.DownloadEvent;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Importing leads from a CSV file: upload, check the detected encoding and delimiter, map the
 * columns, preview the rows with their problems and duplicates, choose what happens to duplicates,
 * import in the background with a progress bar (it keeps running when the user leaves, and shows
 * again on return), then the counts, the failed rows as a file, the history and undo.
 */
@Route("leads/import")
@Menu(order = 21, title = "menu.import", icon = "vaadin:upload")
@RolesAllowed({Roles.MARKETING, Roles.LEADERSHIP, Roles.ADMIN})
final class ImportView extends Main implements HasDynamicTitle {

    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.import") + " · " + getTranslation("app.name");
    }

    /** Uploads above this size are refused by the browser and the server. */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    private final ImportService imports;
    private final Upload upload;
    private final List<UserSummary> owners;
    private final Div fileInfo = new Div();
    private final Div mappingArea = new Div();
    private final Div previewArea = new Div();
    private final Div progressArea = new Div();
    private final Grid<ImportSummary> history = new Grid<>();
    private final Map<Integer, Select<ImportField>> columnFields = new LinkedHashMap<>();
    private final Select<LeadSource> source = new Select<>();
    private final Select<SignalKind> signal = new Select<>();
    private final ComboBox<UserSummary> owner = new ComboBox<>();
    private final RadioButtonGroup<DuplicateChoice> duplicates = new RadioButtonGroup<>();
    private final Checkbox skipInvalid = new Checkbox();
    private final Button importButton = new Button();
    private @Nullable ImportFile file;
    private @Nullable Preview preview;
    private @Nullable Long watched;

    ImportView(ImportService imports, UserService users) {
        this.imports = imports;
        this.owners = users.enabledWithRole(Role.MARKETING);
        addClassName("funnel-view");
        addClassName("funnel-import");
        Paragraph intro = new Paragraph(getTranslation("import.intro"));
        intro.addClassName("funnel-muted");
        upload = new Upload(new LimitedUpload(MAX_BYTES, app.funnel.security.CurrentUser.require().username(),
                key -> getTranslation(key, MAX_BYTES / (1024 * 1024)), this::received));
        UploadI18N texts = new UploadI18N();
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("import.choose")));
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("import.drop-one")));
        texts.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("import.error.too-big", 200))
                .setTooManyFiles(getTranslation("import.error.one-file"))
                .setIncorrectFileType(getTranslation("import.error.type")));
        upload.setI18n(texts);
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".txt", ".tsv", "text/csv", "text/plain", "text/tab-separated-values");
        upload.setDropLabel(new Span(getTranslation("import.drop", 200)));
        upload.addFileRejectedListener(e -> Messages.error(getTranslation("import.error.rejected", e.getErrorMessage())));
        fileInfo.setId("import-file");
        mappingArea.setId("import-mapping");
        previewArea.setId("import-preview");
        progressArea.setId("import-progress");
        progressArea.addClassName("funnel-import-progress");
        H3 historyTitle = new H3(getTranslation("import.history"));
        history.setId("import-history");
        history.addColumn(ImportSummary::fileName).setHeader(getTranslation("import.col.file")).setFlexGrow(2)
                .setAutoWidth(true);
        history.addColumn(ImportSummary::startedBy).setHeader(getTranslation("import.col.by")).setAutoWidth(true);
        history.addColumn(s -> Messages.dateTime(s.startedAt())).setHeader(getTranslation("import.col.when"))
                .setAutoWidth(true);
        history.addColumn(s -> getTranslation("import.status." + s.status().name()))
                .setHeader(getTranslation("import.col.status")).setAutoWidth(true);
        history.addColumn(s -> number(s.total())).setHeader(getTranslation("import.col.rows")).setAutoWidth(true);
        history.addColumn(s -> number(s.created())).setHeader(getTranslation("import.col.created")).setAutoWidth(true);
        history.addColumn(s -> number(s.updated())).setHeader(getTranslation("import.col.updated")).setAutoWidth(true);
        history.addColumn(s -> number(s.skipped())).setHeader(getTranslation("import.col.skipped")).setAutoWidth(true);
        history.addColumn(s -> number(s.failed())).setHeader(getTranslation("import.col.failed")).setAutoWidth(true);
        history.setAllRowsVisible(true);
        history.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                watch(e.getValue().id());
            }
        });
        configureOptions();
        add(intro, upload, fileInfo, mappingArea, previewArea, progressArea, historyTitle, history);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refreshHistory();
        // an import of mine still running (started before I left the page) shows its progress again
        String me = CurrentUser.require().username();
        imports.history().stream().filter(s -> s.status() == ImportStatus.RUNNING && s.startedBy().equals(me))
                .findFirst().ifPresent(s -> watch(s.id()));
        event.getUI().addPollListener(e -> poll());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (file != null) {
            discardFile();
        }
    }

    private void configureOptions() {
        source.setLabel(getTranslation("import.source"));
        source.setHelperText(getTranslation("import.source-help"));
        source.setItems(LeadSource.values());
        source.setItemLabelGenerator(s -> getTranslation("source." + s.name()));
        source.setValue(LeadSource.EVENT);
        source.setId("import-source");
        signal.setLabel(getTranslation("import.signal"));
        signal.setItems(SignalKind.values());
        signal.setEmptySelectionAllowed(true);
        signal.setEmptySelectionCaption(getTranslation("import.signal-none"));
        signal.setItemLabelGenerator(s -> s == null ? getTranslation("import.signal-none") : getTranslation("signal." + s.name()));
        signal.setId("import-signal");
        owner.setLabel(getTranslation("import.owner"));
        owner.setItems(owners);
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setRequired(true);
        owner.setId("import-owner");
        CurrentUser me = CurrentUser.require();
        owners.stream().filter(u -> u.username().equals(me.username())).findFirst()
                .or(() -> owners.stream().findFirst()).ifPresent(owner::setValue);
        duplicates.setLabel(getTranslation("import.duplicates"));
        duplicates.setItems(DuplicateChoice.values());
        duplicates.setItemLabelGenerator(d -> getTranslation("import.duplicates." + d.name()));
        duplicates.setValue(DuplicateChoice.SKIP);
        duplicates.setId("import-duplicates");
        skipInvalid.setLabel(getTranslation("import.skip-invalid"));
        skipInvalid.setId("import-skip-invalid");
        importButton.setText(getTranslation("import.start"));
        importButton.setIcon(new Icon(VaadinIcon.UPLOAD));
        importButton.addThemeVariants(ButtonVariant.PRIMARY);
        importButton.setId("import-start");
        importButton.addClickListener(e -> startImport());
    }

    // --- 1. the file ---

    private void received(String fileName, File uploaded) {
        if (file != null) {
            discardFile();
        }
        clearSteps();
        try {
            file = imports.analyze(uploaded.toPath(), fileName);
        } catch (InvalidInputException refused) {
            deleteQuietly(uploaded);
            Paragraph problem = new Paragraph(getTranslation(refused.messageKey(), refused.arguments()));
            problem.addClassName("funnel-error-text");
            problem.setId("import-file-error");
            fileInfo.add(problem);
            return;
        }
        ImportFile read = file;
        Span summary = new Span(getTranslation("import.file-read", read.fileName(), size(read.bytes()),
                number(read.rows()), read.encoding().label(), getTranslation("import.delimiter." + read.delimiterName())));
        summary.setId("import-file-summary");
        fileInfo.add(summary);
        showMapping(read);
    }

    // --- 2. the mapping ---

    private void showMapping(ImportFile read) {
        columnFields.clear();
        mappingArea.removeAll();
        mappingArea.add(new H3(getTranslation("import.mapping")));
        Paragraph help = new Paragraph(getTranslation("import.mapping-help"));
        help.addClassName("funnel-muted");
        mappingArea.add(help);
        Map<Integer, ImportField> guessed = imports.guessMapping(read);
        FormLayout columns = new FormLayout();
        columns.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 4));
        for (int i = 0; i < read.header().size(); i++) {
            Select<ImportField> field = new Select<>();
            field.setLabel(read.header().get(i));
            field.setItems(ImportField.values());
            field.setEmptySelectionAllowed(true);
            field.setEmptySelectionCaption(getTranslation("import.field.none"));
            field.setItemLabelGenerator(f -> f == null ? getTranslation("import.field.none")
                    : getTranslation("import.field." + f.name()));
            String sample = i < read.firstRow().size() ? read.firstRow().get(i) : "";
            field.setHelperText(sample.isBlank() ? "" : getTranslation("import.sample",
                    sample.length() > 40 ? sample.substring(0, 40) + "…" : sample));
            field.setValue(guessed.get(i));
            field.setId("map-" + i);
            field.addValueChangeListener(e -> previewArea.removeAll());
            columnFields.put(i, field);
            columns.add(field);
        }
        FormLayout options = new FormLayout(source, signal, owner);
        options.addClassName("funnel-import-options");
        options.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        Button check = new Button(getTranslation("import.check"), new Icon(VaadinIcon.CHECK), e -> showPreview());
        check.setId("import-check");
        mappingArea.add(columns, options, check);
    }

    private Map<Integer, ImportField> mapping() {
        Map<Integer, ImportField> mapping = new LinkedHashMap<>();
        columnFields.forEach((column, select) -> {
            if (select.getValue() != null) {
                mapping.put(column, select.getValue());
            }
        });
        return mapping;
    }

    // --- 3. the preview ---

    private void showPreview() {
        ImportFile read = file;
        if (read == null) {
            return;
        }
        previewArea.removeAll();
        Map<Integer, ImportField> mapping = mapping();
        long repeatedFields = mapping.values().stream().distinct().count();
        if (repeatedFields < mapping.size()) {
            Messages.error(getTranslation("import.error.map-twice"));
            return;
        }
        try {
            preview = imports.preview(read, mapping, source.getValue(), translator());
        } catch (InvalidInputException refused) {
            Messages.error(getTranslation(refused.messageKey(), refused.arguments()));
            return;
        }
        Preview shown = preview;
        previewArea.add(new H3(getTranslation("import.preview")));
        Paragraph totals = new Paragraph(getTranslation("import.preview-totals", number(shown.total()),
                number(shown.valid()), number(shown.invalid()), number(shown.repeatedInFile()), number(shown.suspect())));
        totals.setId("import-preview-totals");
        previewArea.add(totals);
        Grid<Preview.Row> rows = new Grid<>();
        rows.setId("import-preview-grid");
        rows.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        rows.addColumn(Preview.Row::rowNo).setHeader("#").setWidth("4.5em").setFlexGrow(0);
        rows.addColumn(Preview.Row::name).setHeader(getTranslation("import.col.name")).setFlexGrow(2);
        rows.addColumn(Preview.Row::email).setHeader(getTranslation("lead.field.email")).setFlexGrow(2);
        rows.addColumn(Preview.Row::phone).setHeader(getTranslation("lead.field.phone")).setFlexGrow(1);
        rows.addColumn(Preview.Row::company).setHeader(getTranslation("lead.field.company")).setFlexGrow(1);
        rows.addColumn(r -> r.source() == null ? "" : getTranslation("source." + r.source().name()))
                .setHeader(getTranslation("lead.field.source")).setFlexGrow(1);
        rows.addComponentColumn(this::verdict).setHeader(getTranslation("import.col.check")).setFlexGrow(3);
        rows.setItems(shown.rows());
        rows.setHeight("24rem");
        previewArea.add(rows);
        Paragraph more = new Paragraph(getTranslation("import.preview-first", ImportService.PREVIEW_ROWS));
        more.addClassName("funnel-muted");
        previewArea.add(more);
        skipInvalid.setValue(false);
        skipInvalid.setVisible(shown.invalid() > 0);
        skipInvalid.setLabel(getTranslation("import.skip-invalid", number(shown.invalid())));
        importButton.setEnabled(shown.valid() > 0);
        Div start = new Div(importButton);
        start.addClassName("funnel-actions");
        previewArea.add(duplicates, new Div(skipInvalid), start);
    }

    private Div verdict(Preview.Row row) {
        Div cell = new Div();
        cell.addClassName("funnel-import-verdict");
        if (row.error() != null) {
            Badge error = Badges.of(row.error(), Badges.Tone.BAD);
            cell.add(error);
            return cell;
        }
        if (row.existing().isEmpty() && row.sameAsRow() == null && row.suspect().isEmpty()) {
            Badge ok = Badges.of(getTranslation("import.row-ok"), Badges.Tone.GOOD);
            cell.add(ok);
        }
        for (var reason : row.suspect()) {
            Badge suspect = Badges.of(getTranslation("suspect." + reason.name()), Badges.Tone.WARN);
            cell.add(suspect);
        }
        if (row.sameAsRow() != null) {
            Badge repeat = Badges.of(getTranslation("import.same-as-row", row.sameAsRow()), Badges.Tone.WARN);
            cell.add(repeat);
        }
        for (var match : row.existing().stream().limit(3).toList()) {
            String how = match.how().stream().sorted().map(m -> getTranslation("import.match." + m.name()))
                    .collect(java.util.stream.Collectors.joining(", "));
            Anchor lead = new Anchor("leads/" + match.id(), getTranslation("import.duplicate-of", match.id(),
                    match.firstName() + " " + match.lastName(), getTranslation("status." + match.status().name()), how));
            lead.setTarget("_blank");
            lead.addClassName("funnel-badge");
            cell.add(lead);
        }
        if (row.existing().size() > 3) {
            cell.add(new Span(getTranslation("import.more-matches", row.existing().size() - 3)));
        }
        return cell;
    }

    // --- 4. the import ---

    private void startImport() {
        ImportFile read = file;
        Preview checked = preview;
        if (read == null || checked == null) {
            return;
        }
        if (checked.invalid() > 0 && !skipInvalid.getValue()) {
            skipInvalid.setInvalid(true);
            skipInvalid.setErrorMessage(getTranslation("import.error.tick-skip", number(checked.invalid())));
            return;
        }
        if (owner.getValue() == null) {
            owner.setInvalid(true);
            owner.setErrorMessage(getTranslation("import.error.owner"));
            return;
        }
        long id;
        try {
            id = imports.start(read, new ImportOptions(mapping(), duplicates.getValue(), skipInvalid.getValue(),
                    source.getValue(), signal.getValue(), owner.getValue().id()), translator());
        } catch (InvalidInputException refused) {
            Messages.error(getTranslation(refused.messageKey(), refused.arguments()));
            return;
        }
        file = null; // the import owns the file now and deletes it when done
        preview = null;
        clearSteps();
        upload.clearFileList();
        watch(id);
        refreshHistory();
    }

    /** Shows an import's progress or result, polling while it runs. */
    private void watch(long id) {
        watched = id;
        showProgress(imports.get(id));
    }

    private void poll() {
        Long id = watched;
        if (id == null) {
            return;
        }
        ImportSummary summary = imports.get(id);
        showProgress(summary);
        if (summary.status() != ImportStatus.RUNNING) {
            refreshHistory();
        }
    }

    private void showProgress(ImportSummary summary) {
        progressArea.removeAll();
        boolean running = summary.status() == ImportStatus.RUNNING;
        getUI().ifPresent(ui -> ui.setPollInterval(running ? 500 : -1));
        H3 title = new H3(getTranslation("import.progress-title", summary.fileName()));
        ProgressBar bar = new ProgressBar(0, 1, summary.progress());
        bar.setId("import-progress-bar");
        Badge status = Badges.of(getTranslation("import.status." + summary.status().name()), switch (summary.status()) {
            case DONE -> Badges.Tone.GOOD;
            case FAILED, INTERRUPTED -> Badges.Tone.BAD;
            default -> Badges.Tone.WARN;
        });
        status.setId("import-status");
        Paragraph counts = new Paragraph(getTranslation("import.counts", number(summary.processed()),
                number(summary.total()), number(summary.created()), number(summary.updated()),
                number(summary.skipped()), number(summary.failed())));
        counts.setId("import-counts");
        progressArea.add(title, status, bar, counts);
        if (summary.message() != null) {
            Paragraph message = new Paragraph(summary.message());
            message.setId("import-message");
            progressArea.add(message);
        }
        if (summary.undoneAt() != null) {
            progressArea.add(new Paragraph(getTranslation("import.undone-counts", summary.undoneBy(),
                    Messages.dateTime(summary.undoneAt()), summary.undoRemoved(), summary.undoReverted(),
                    summary.undoKept())));
        }
        Div actions = new Div();
        actions.addClassName("funnel-actions");
        if (summary.failed() > 0) {
            I18NProvider i18n = VaadinService.getCurrent().getInstantiator().getI18NProvider();
            Locale locale = getLocale();
            Anchor download = new Anchor((DownloadEvent event) -> {
                event.setFileName("failed-rows-" + summary.id() + ".csv");
                event.setContentType("text/csv; charset=UTF-8");
                try (OutputStream out = event.getOutputStream()) {
                    imports.failedRows(summary.id(), (key, args) -> i18n.getTranslation(key, locale, args), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "");
            Button button = new Button(getTranslation("import.download-failed", number(summary.failed())),
                    new Icon(VaadinIcon.DOWNLOAD_ALT));
            button.setTabIndex(-1);
            download.add(button);
            download.setId("import-failed-rows");
            actions.add(download);
        }
        if (summary.status().undoable() && summary.created() + summary.updated() > 0) {
            Button undo = new Button(getTranslation("import.undo"), new Icon(VaadinIcon.ARROW_BACKWARD));
            undo.addThemeVariants(ButtonVariant.ERROR);
            undo.setId("import-undo");
            undo.addClickListener(e -> confirmUndo(summary));
            actions.add(undo);
        }
        if (summary.status() == ImportStatus.DONE && summary.created() > 0) {
            Anchor leads = new Anchor("leads", getTranslation("import.see-leads"));
            leads.setId("import-see-leads");
            actions.add(leads);
        }
        progressArea.add(actions);
    }

    private void confirmUndo(ImportSummary summary) {
        var dialog = new com.vaadin.flow.component.confirmdialog.ConfirmDialog();
        dialog.setHeader(getTranslation("import.undo-title", summary.fileName()));
        dialog.setText(getTranslation("import.undo-text", number(summary.created()), number(summary.updated())));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("import.cancel"));
        dialog.setConfirmText(getTranslation("import.undo"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                ImportSummary undone = imports.undo(summary.id());
                Messages.success(getTranslation("import.undone", undone.undoRemoved(), undone.undoReverted(),
                        undone.undoKept()));
                showProgress(undone);
                refreshHistory();
            } catch (InvalidInputException refused) {
                Messages.error(getTranslation(refused.messageKey(), refused.arguments()));
            }
        });
        dialog.open();
    }

    // --- helpers ---

    private ImportService.Translator translator() {
        I18NProvider i18n = VaadinService.getCurrent().getInstantiator().getI18NProvider();
        Locale locale = getLocale();
        return new ImportService.Translator() {
            @Override
            public String text(String key, Object... args) {
                return i18n.getTranslation(key, locale, args);
            }

            @Override
            public @Nullable String country() {
                return locale.getCountry().isEmpty() ? null : locale.getCountry();
            }
        };
    }

    private void refreshHistory() {
        history.setItems(imports.history());
    }

    private void clearSteps() {
        fileInfo.removeAll();
        mappingArea.removeAll();
        previewArea.removeAll();
        columnFields.clear();
    }

    private void discardFile() {
        ImportFile read = file;
        file = null;
        if (read != null) {
            deleteQuietly(read.path().toFile());
        }
    }

    private static void deleteQuietly(File uploaded) {
        try {
            Files.deleteIfExists(uploaded.toPath());
        } catch (IOException ignored) {
            // a temporary file: the system cleans its temp directory
        }
    }

    private String number(long n) {
        return NumberFormat.getIntegerInstance(getLocale()).format(n);
    }

    private String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return getTranslation("import.kb", Math.max(1, bytes / 1024));
        }
        return getTranslation("import.mb", String.format(getLocale(), "%.1f", bytes / (1024.0 * 1024.0)));
    }
}
