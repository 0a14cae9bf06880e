package app.funnel.importing;

import app.funnel.base.CsvExport;
import app.funnel.base.InvalidInputException;
import app.funnel.base.RefusedException;
import app.funnel.lead.DuplicateRule;
import app.funnel.lead.LeadBatch;
import app.funnel.lead.LeadFields;
import app.funnel.lead.LeadSource;
import app.funnel.lead.LeadStatus;
import app.funnel.security.CurrentUser;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import of leads (marketing, leadership, admin). A file is read once to find its encoding,
 * delimiter, header and row count; its columns are mapped to lead fields (guessed from English or
 * Portuguese headers); a preview checks every row and shows the first ones with their problems,
 * suspect flags and duplicates; the import then runs in the background, a thousand rows per
 * transaction, and its progress and counts are kept in the database so that any page can show
 * them. Rows that fail are kept with their reason for the failed-rows file; an import can be
 * undone.
 */
@Service
public class ImportService {

    /** Rows shown in a preview. */
    public static final int PREVIEW_ROWS = 100;
    private static final int BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    /** Turns a message key and its arguments into the importing user's language. */
    @FunctionalInterface
    public interface Translator {
        String text(String key, Object... arguments);

        /**
         * The importing user's country (their language's: BR for pt-BR): a national phone number in
         * a row without a country is read by it. None by default.
         */
        default @Nullable String country() {
            return null;
        }
    }

    private final ImportStore store;
    private final LeadBatch leads;
    private final UserService users;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** What the preview found in a file with a mapping: an import of it needs no second check. */
    private record Checked(Map<Integer, ImportField> mapping, int invalid) {
    }

    private final Map<Path, Checked> checked = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService jobs = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("lead-import-", 1)
            .daemon(true).factory());
    /** Each import's reader: parses, checks and matches rows while the import writes the ones before. */
    private final ExecutorService readers = Executors.newCachedThreadPool(Thread.ofPlatform().name("lead-import-reader-", 1)
            .daemon(true).factory());

    ImportService(ImportStore store, LeadBatch leads, UserService users, PlatformTransactionManager transactions,
                  Clock clock) {
        this.store = store;
        this.leads = leads;
        this.users = users;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Reads an uploaded file: encoding, delimiter, header and row count.
     *
     * @throws InvalidInputException (field "file") for an empty file, a header without rows, broken
     *                               quoting, mixed encodings or too many rows
     */
    @PreAuthorize(Roles.HAS_IMPORT)
    public ImportFile analyze(Path path, String fileName) {
        return CsvReading.analyze(path, fileName);
    }

    /** The field each column suggests by its header (absent: not imported). */
    @PreAuthorize(Roles.HAS_IMPORT)
    public Map<Integer, ImportField> guessMapping(ImportFile file) {
        Map<Integer, ImportField> mapping = new LinkedHashMap<>();
        List<@Nullable ImportField> guesses = ImportField.guess(file.header());
        for (int i = 0; i < guesses.size(); i++) {
            ImportField field = guesses.get(i);
            if (field != null) {
                mapping.put(i, field);
            }
        }
        return mapping;
    }

    /**
     * Checks every row of the file with the mapping and shows the first {@link #PREVIEW_ROWS} with
     * their result, suspect flags, existing duplicates and repeats of earlier rows.
     *
     * @throws InvalidInputException (field "mapping") when the names or the e-mail/phone are not mapped
     */
    @PreAuthorize(Roles.HAS_IMPORT)
    public Preview preview(ImportFile file, Map<Integer, ImportField> mapping, LeadSource source,
                           Translator translator) {
        requireMapping(mapping);
        RowReader reader = new RowReader(mapping, translator.country());
        Repeats repeats = new Repeats();
        List<Preview.Row> shown = new ArrayList<>();
        List<LeadFields> shownFields = new ArrayList<>();
        int[] counts = new int[4]; // valid, invalid, repeated, suspect
        int[] total = {0};
        CsvReading.rows(file, (rowNo, record) -> {
            total[0] = rowNo;
            var input = reader.read(record);
            LeadFields fields = null;
            String error = null;
            try {
                fields = LeadFields.check(input);
                counts[0]++;
                if (!fields.suspect().isEmpty()) {
                    counts[3]++;
                }
            } catch (InvalidInputException invalid) {
                counts[1]++;
                error = reason(invalid, translator);
            }
            Integer sameAs = fields == null ? null : repeats.check(fields, rowNo);
            if (sameAs != null) {
                counts[2]++;
            }
            if (shown.size() < PREVIEW_ROWS) {
                shown.add(new Preview.Row(rowNo, (input.firstName() + " " + input.lastName()).strip(),
                        text(input.email()), text(input.phone()), text(input.company()),
                        input.source() == null ? source : input.source(), error,
                        fields == null ? Set.of() : fields.suspect(), List.of(), sameAs));
                if (fields != null) {
                    shownFields.add(fields);
                }
            }
        });
        // the existing leads the shown rows match, in one round of queries
        List<List<LeadBatch.Match>> matches = leads.matches(shownFields);
        List<Preview.Row> rows = new ArrayList<>(shown.size());
        int next = 0;
        for (Preview.Row row : shown) {
            if (row.error() == null) {
                row = new Preview.Row(row.rowNo(), row.name(), row.email(), row.phone(), row.company(), row.source(),
                        null, row.suspect(), matches.get(next++), row.sameAsRow());
            }
            rows.add(row);
        }
        if (checked.size() > 1_000) {
            checked.clear();
        }
        checked.put(file.path(), new Checked(Map.copyOf(mapping), counts[1]));
        return new Preview(rows, total[0], counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * Starts importing the file in the background and returns the import's id at once; its
     * progress is read with {@link #get(long)}. Without {@code skipInvalid}, a file with any
     * failing row imports nothing.
     */
    @PreAuthorize(Roles.HAS_IMPORT)
    public long start(ImportFile file, ImportOptions options, Translator translator) {
        requireMapping(options.mapping());
        if (!users.displayNames().containsKey(options.ownerId())) {
            throw new InvalidInputException("owner", "lead.error.owner-unknown");
        }
        CurrentUser me = CurrentUser.require();
        long id = store.insert(file, options, me.username(), clock.instant());
        jobs.execute(new DelegatingSecurityContextRunnable(() -> run(id, file, options, translator)));
        return id;
    }

    /** Runs an import to the end on the calling thread (what the background job does). */
    @PreAuthorize(Roles.HAS_IMPORT)
    public long run(ImportFile file, ImportOptions options, Translator translator) {
        requireMapping(options.mapping());
        long id = store.insert(file, options, CurrentUser.require().username(), clock.instant());
        run(id, file, options, translator);
        return id;
    }

    /** An import: marketing reads and undoes its own imports, leadership and admin everyone's. */
    @PreAuthorize(Roles.HAS_IMPORT)
    public ImportSummary get(long id) {
        ImportSummary summary = store.find(id)
                .orElseThrow(() -> new InvalidInputException("id", "import.error.not-found", id));
        if (!seesEveryImport(CurrentUser.require()) && !summary.startedBy().equals(CurrentUser.require().username())) {
            throw new RefusedException("refused.import-owner", summary.startedBy());
        }
        return summary;
    }

    /** The newest imports first: who, when, which file, with what result (marketing: its own). */
    @PreAuthorize(Roles.HAS_IMPORT)
    public List<ImportSummary> history() {
        CurrentUser me = CurrentUser.require();
        return store.recent(200).stream()
                .filter(summary -> seesEveryImport(me) || summary.startedBy().equals(me.username()))
                .toList();
    }

    private static boolean seesEveryImport(CurrentUser me) {
        return me.has(app.funnel.security.Role.LEADERSHIP) || me.has(app.funnel.security.Role.ADMIN);
    }

    /**
     * Writes the rows an import could not import as CSV: the file's columns, the row number and
     * the reason, UTF-8 with a byte-order mark, with the file's delimiter (semicolon for tab files).
     *
     * @return how many rows were written
     */
    @PreAuthorize(Roles.HAS_IMPORT)
    public int failedRows(long id, Translator translator, OutputStream out) {
        ImportSummary summary = get(id);
        List<String> header = new ArrayList<>(store.header(id));
        header.add(translator.text("import.failed.row"));
        header.add(translator.text("import.failed.reason"));
        CsvExport.Delimiter delimiter = ",".equals(summary.delimiter()) ? CsvExport.Delimiter.COMMA
                : CsvExport.Delimiter.SEMICOLON;
        int[] count = {0};
        try (CsvExport csv = new CsvExport(out, delimiter, header)) {
            int columns = header.size() - 2;
            store.eachFailure(id, failure -> {
                @SuppressWarnings("unchecked")
                List<String> values = new ArrayList<>((List<String>) failure[2]);
                while (values.size() < columns) {
                    values.add("");
                }
                List<Object> row = new ArrayList<>(values.subList(0, columns));
                row.add(failure[0]);
                row.add(failure[1]);
                csv.row(row.toArray());
                count[0]++;
            });
        }
        return count[0];
    }

    /**
     * Undoes an import in one transaction: removes the leads it created that nobody changed since,
     * puts back what it replaced on the leads it updated (if unchanged since); the rest is kept.
     */
    @PreAuthorize(Roles.HAS_IMPORT)
    public ImportSummary undo(long id) {
        ImportSummary summary = get(id);
        if (!summary.status().undoable()) {
            throw new InvalidInputException("id", summary.status() == ImportStatus.RUNNING
                    ? "import.error.undo-running" : "import.error.undo-done");
        }
        CurrentUser me = CurrentUser.require();
        transactions.executeWithoutResult(status -> {
            LeadBatch.Undone undone = leads.undo(store.createdBy(id), store.updatedBy(id));
            store.undone(id, me.username(), clock.instant(), undone);
        });
        return get(id);
    }

    /**
     * On shutdown a running import is given time to finish (within the shutdown phase's timeout),
     * before the database stops; one that takes longer is interrupted between its thousand-row
     * transactions, and the next start marks it interrupted, undoable.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        jobs.shutdown();
        // the readers stay until the import has finished: it hands them its next thousand rows
        if (!jobs.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS)) {
            LOG.warn("An import was still running at shutdown; it stops between two batches and can be undone");
        }
        jobs.shutdownNow();
        readers.shutdownNow();
    }

    // --- the import itself ---

    private void run(long id, ImportFile file, ImportOptions options, Translator translator) {
        try {
            Checked known = checked.remove(file.path());
            boolean previewedClean = known != null && known.mapping().equals(options.mapping()) && known.invalid() == 0;
            if (!options.skipInvalid() && !previewedClean) {
                List<Object[]> failures = failingRows(file, options, translator);
                if (!failures.isEmpty()) {
                    transactions.executeWithoutResult(status -> {
                        store.failures(id, failures);
                        store.progress(id, 0, 0, 0, 0, failures.size());
                    });
                    store.finish(id, ImportStatus.FAILED,
                            translator.text("import.error.rows-failed", failures.size()), clock.instant());
                    return;
                }
            }
            new Job(id, file, options, translator).run();
            store.finish(id, ImportStatus.DONE, null, clock.instant());
        } catch (InvalidInputException refused) {
            store.finish(id, ImportStatus.FAILED, translator.text(refused.messageKey(), refused.arguments()),
                    clock.instant());
        } catch (RuntimeException failure) {
            LOG.error("Import {} failed", id, failure);
            boolean away = app.funnel.base.DatabaseAway.is(failure);
            finishWhenPossible(id, translator.text(away ? "import.error.database-away" : "import.error.crashed",
                    String.valueOf(failure.getMessage())));
        } finally {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                LOG.warn("Could not delete {}", file.path(), e);
            }
        }
    }

    /**
     * Marks a failed import so, also when the failure was the database going away: the mark waits
     * for it to come back (the embedded one restarts within seconds) instead of leaving the import
     * "running" with a progress bar that never moves.
     */
    private void finishWhenPossible(long id, String message) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                store.finish(id, ImportStatus.FAILED, message, clock.instant());
                return;
            } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
                if (System.nanoTime() > deadline) {
                    LOG.error("Import {} could not be marked failed; the next start marks it interrupted", id, e);
                    return;
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The rows that fail the lead checks, without writing anything. */
    private List<Object[]> failingRows(ImportFile file, ImportOptions options, Translator translator) {
        RowReader reader = new RowReader(options.mapping(), translator.country());
        List<Object[]> failures = new ArrayList<>();
        CsvReading.rows(file, (rowNo, record) -> {
            try {
                LeadFields.check(reader.read(record));
            } catch (InvalidInputException invalid) {
                failures.add(new Object[] {rowNo, reason(invalid, translator), ImportStore.line(record.toList())});
            }
        });
        return failures;
    }

    /**
     * One running import, in two threads: a reader parses and checks the rows and matches each
     * thousand against the existing leads, while this thread writes the thousand before (one
     * transaction each). The database and the checks then work at the same time.
     */
    private final class Job {
        private static final Batch END = new Batch(List.of(), null);

        private final long id;
        private final ImportFile file;
        private final ImportOptions options;
        private final Translator translator;
        private final Repeats repeats = new Repeats();
        private final Set<Long> touched = new HashSet<>();
        private final java.util.concurrent.BlockingQueue<Batch> queue = new java.util.concurrent.ArrayBlockingQueue<>(2);
        private final java.util.concurrent.atomic.AtomicReference<@Nullable RuntimeException> readFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        /** Nanoseconds the reader spent checking and matching rows, the writer writing leads and its own records. */
        private final long[] spent = new long[4];

        private record Pending(int rowNo, CSVRecord record, @Nullable LeadFields fields, @Nullable String error,
                               @Nullable Integer sameAs) {
        }

        /** A thousand rows, with the existing leads each candidate matches (null: not matched). */
        private record Batch(List<Pending> rows, @Nullable List<List<LeadBatch.Match>> matches) {
        }

        Job(long id, ImportFile file, ImportOptions options, Translator translator) {
            this.id = id;
            this.file = file;
            this.options = options;
            this.translator = translator;
        }

        void run() {
            java.util.concurrent.Future<?> reading = readers.submit(new DelegatingSecurityContextRunnable(this::read));
            try {
                while (true) {
                    Batch batch = queue.take();
                    if (batch == END) {
                        break;
                    }
                    transactions.executeWithoutResult(status -> write(batch));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was interrupted", e);
            } finally {
                reading.cancel(true);
            }
            RuntimeException failed = readFailure.get();
            if (failed != null) {
                throw failed;
            }
            LOG.info("Import {}: checking rows {} ms, matching {} ms, writing leads {} ms, import records {} ms", id,
                    spent[0] / 1_000_000, spent[1] / 1_000_000, spent[2] / 1_000_000, spent[3] / 1_000_000);
        }

        /** The reader thread: rows to checked, matched batches on the queue, then the end mark. */
        private void read() {
            RowReader reader = new RowReader(options.mapping(), translator.country());
            List<Pending> pending = new ArrayList<>(BATCH);
            try {
                CsvReading.rows(file, (rowNo, record) -> {
                    pending.add(check(rowNo, record, reader));
                    if (pending.size() >= BATCH) {
                        hand(List.copyOf(pending));
                        pending.clear();
                    }
                });
                if (!pending.isEmpty()) {
                    hand(List.copyOf(pending));
                }
            } catch (RuntimeException failure) {
                readFailure.set(failure);
            } finally {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private Pending check(int rowNo, CSVRecord record, RowReader reader) {
            long start = System.nanoTime();
            try {
                LeadFields fields = LeadFields.check(reader.read(record));
                return new Pending(rowNo, record, fields, null, repeats.check(fields, rowNo));
            } catch (InvalidInputException invalid) {
                return new Pending(rowNo, record, null, reason(invalid, translator), null);
            } finally {
                spent[0] += System.nanoTime() - start;
            }
        }

        private void hand(List<Pending> rows) {
            long start = System.nanoTime();
            List<List<LeadBatch.Match>> matches = options.duplicates() == DuplicateChoice.CREATE ? null
                    : leads.matches(rows.stream().filter(this::candidate)
                    .map(p -> java.util.Objects.requireNonNull(p.fields())).toList());
            spent[1] += System.nanoTime() - start;
            try {
                queue.put(new Batch(rows, matches));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was stopped", e);
            }
        }

        /** A row to create or match: valid, and not a repeat of an earlier row (unless creating anyway). */
        private boolean candidate(Pending row) {
            return row.error() == null && (row.sameAs() == null || options.duplicates() == DuplicateChoice.CREATE);
        }

        private void write(Batch batch) {
            long start = System.nanoTime();
            List<Object[]> failures = new ArrayList<>();
            List<LeadFields> creates = new ArrayList<>();
            Map<Long, LeadFields> updates = new LinkedHashMap<>();
            Map<Long, Long> versions = new HashMap<>();
            int skipped = 0;
            int candidate = 0;
            for (Pending row : batch.rows()) {
                if (row.error() != null) {
                    failures.add(new Object[] {row.rowNo(), row.error(), ImportStore.line(row.record().toList())});
                    continue;
                }
                if (!candidate(row)) {
                    skipped++;
                    continue;
                }
                LeadFields fields = java.util.Objects.requireNonNull(row.fields());
                List<LeadBatch.Match> found = batch.matches() == null ? List.of() : batch.matches().get(candidate);
                candidate++;
                if (found.isEmpty()) {
                    creates.add(fields);
                    continue;
                }
                LeadBatch.Match existing = found.getFirst();
                boolean marketingWorksIt = existing.status() == LeadStatus.NEW || existing.status() == LeadStatus.MQL;
                if (options.duplicates() == DuplicateChoice.UPDATE && marketingWorksIt && touched.add(existing.id())) {
                    updates.put(existing.id(), fields);
                    versions.put(existing.id(), existing.version());
                } else {
                    skipped++;
                }
            }
            List<Long> created = leads.create(creates, options.source(), options.ownerId(), options.signal());
            List<LeadBatch.Updated> updated = leads.update(updates, versions);
            skipped += updates.size() - updated.size();
            long written = System.nanoTime();
            spent[2] += written - start;
            store.created(id, created);
            store.updated(id, updated);
            store.failures(id, failures);
            store.progress(id, batch.rows().size(), created.size(), updated.size(), skipped, failures.size());
            spent[3] += System.nanoTime() - written;
        }
    }

    // --- helpers ---

    private static void requireMapping(Map<Integer, ImportField> mapping) {
        String missing = ImportField.missing(mapping);
        if (missing != null) {
            throw new InvalidInputException("mapping", missing);
        }
    }

    /** "E-mail: Enter an e-mail like name@company.com." */
    static String reason(InvalidInputException invalid, Translator translator) {
        String label = switch (invalid.field()) {
            case "firstName" -> "lead.field.first-name";
            case "lastName" -> "lead.field.last-name";
            case "jobTitle" -> "lead.field.job-title";
            case "email", "phone", "company", "country", "notes", "source" -> "lead.field." + invalid.field();
            default -> null;
        };
        String message = translator.text(invalid.messageKey(), invalid.arguments());
        return label == null ? message : translator.text(label) + ": " + message;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /**
     * Finds rows that repeat an earlier row of the same file, by the same rule as for stored leads
     * ({@code DuplicateRule}: a shared phone counts only with the same name).
     */
    private static final class Repeats {
        private final Map<String, List<Map.Entry<Integer, DuplicateRule.Prepared>>> seen = new HashMap<>();

        @Nullable Integer check(LeadFields fields, int rowNo) {
            List<String> keys = new ArrayList<>(3);
            if (fields.emailKey() != null) {
                keys.add("e" + fields.emailKey());
            }
            if (fields.phone() != null) {
                keys.add("p" + fields.phone());
            }
            if (fields.companyKey() != null) {
                keys.add("n" + fields.nameKey() + "\u0000" + fields.companyKey());
            }
            DuplicateRule.Prepared person = DuplicateRule.prepare(fields.person());
            Integer earlier = null;
            for (String key : keys) {
                var rows = seen.computeIfAbsent(key, k -> new ArrayList<>(1));
                for (var row : rows) {
                    if ((earlier == null || row.getKey() < earlier)
                            && DuplicateRule.certain(DuplicateRule.compare(person, row.getValue(), false))) {
                        earlier = row.getKey();
                    }
                }
                if (rows.size() < 50) { // a switchboard's thousand rows: the first fifty are enough to compare with
                    rows.add(Map.entry(rowNo, person));
                }
            }
            return earlier;
        }
    }
}
