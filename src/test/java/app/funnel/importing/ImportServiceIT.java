package app.funnel.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.base.InvalidInputException;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadQuery;
import app.funnel.lead.LeadRow;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.lead.SignalKind;
import app.funnel.lead.SuspectReason;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
@org.junit.jupiter.api.Tag("dates")
class ImportServiceIT {

    private static final ImportService.Translator KEYS = (key, args) -> key + (args.length == 0 ? "" : List.of(args));
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Autowired
    app.funnel.base.CompanyZone zone;
    @Autowired
    ImportService imports;
    @Autowired
    LeadService leads;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    app.funnel.capture.CaptureService capture;

    private String tag;
    private long owner;

    @BeforeEach
    void login() {
        TestLogins.as("marketing", Role.MARKETING);
        tag = UUID.randomUUID().toString().substring(0, 8);
        owner = leads.currentUserId();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    // --- reading the file ---

    @Test
    void a_semicolon_windows_1252_file_from_excel_is_read_with_its_accents_and_portuguese_headers_guessed()
            throws IOException {
        Path path = file("Nome;Sobrenome;E-mail;Telefone;Empresa;Cargo;País;Origem\n"
                + "João;Ávila;joao." + tag + "@acme.com.br;(11) 98765-4321;Ação Ltda;Diretora;Brasil;Evento\n", WINDOWS_1252);
        ImportFile file = imports.analyze(path, "lista.csv");

        assertThat(file.encoding()).isEqualTo(Encoding.WINDOWS_1252);
        assertThat(file.delimiter()).isEqualTo(';');
        assertThat(file.rows()).isEqualTo(1);
        assertThat(file.header()).containsExactly("Nome", "Sobrenome", "E-mail", "Telefone", "Empresa", "Cargo", "País",
                "Origem");
        assertThat(file.firstRow().get(1)).isEqualTo("Ávila");
        assertThat(imports.guessMapping(file)).containsExactlyInAnyOrderEntriesOf(Map.of(0, ImportField.FIRST_NAME,
                1, ImportField.LAST_NAME, 2, ImportField.EMAIL, 3, ImportField.PHONE, 4, ImportField.COMPANY,
                5, ImportField.JOB_TITLE, 6, ImportField.COUNTRY, 7, ImportField.SOURCE));
    }

    @Test
    void utf8_with_and_without_bom_utf16_comma_and_tab_files_are_detected() throws IOException {
        String rows = "First Name,Last Name,Email Address,Company Name\nAna,Sá,ana@x.com,Café\n";
        ImportFile bom = imports.analyze(file("\uFEFF" + rows, StandardCharsets.UTF_8), "a.csv");
        assertThat(bom.encoding()).isEqualTo(Encoding.UTF_8_BOM);
        assertThat(bom.header().getFirst()).isEqualTo("First Name");
        assertThat(bom.firstRow()).containsExactly("Ana", "Sá", "ana@x.com", "Café");
        assertThat(imports.analyze(file(rows, StandardCharsets.UTF_8), "b.csv").encoding()).isEqualTo(Encoding.UTF_8);
        ImportFile utf16 = imports.analyze(file("\uFEFF" + rows.replace(',', '\t'), StandardCharsets.UTF_16LE), "c.txt");
        assertThat(utf16.encoding()).isEqualTo(Encoding.UTF_16LE);
        assertThat(utf16.delimiter()).isEqualTo('\t');
        assertThat(utf16.firstRow()).containsExactly("Ana", "Sá", "ana@x.com", "Café");
        assertThat(imports.guessMapping(bom)).containsExactlyInAnyOrderEntriesOf(Map.of(0, ImportField.FIRST_NAME,
                1, ImportField.LAST_NAME, 2, ImportField.EMAIL, 3, ImportField.COMPANY));
    }

    @Test
    void a_single_name_column_is_a_full_name_in_english_and_portuguese() throws IOException {
        ImportFile en = imports.analyze(file("Name,Phone,Title\nAna Maria Sá,+351 912 345 678,CEO\n",
                StandardCharsets.UTF_8), "en.csv");
        assertThat(imports.guessMapping(en)).containsExactlyInAnyOrderEntriesOf(Map.of(0, ImportField.FULL_NAME,
                1, ImportField.PHONE, 2, ImportField.JOB_TITLE));
        ImportFile pt = imports.analyze(file("Nome;Celular;Observações\nAna Sá;11 3333-4444;x\n", StandardCharsets.UTF_8),
                "pt.csv");
        assertThat(imports.guessMapping(pt)).containsExactlyInAnyOrderEntriesOf(Map.of(0, ImportField.FULL_NAME,
                1, ImportField.PHONE, 2, ImportField.NOTES));
    }

    @Test
    void bad_files_are_refused_with_what_to_fix() throws IOException {
        assertRefused(file("", StandardCharsets.UTF_8), "import.error.empty");
        assertRefused(file("\n\n", StandardCharsets.UTF_8), "import.error.empty");
        assertRefused(file("Nome;Sobrenome;E-mail\n", StandardCharsets.UTF_8), "import.error.header-only");
        assertRefused(file("Nome,Sobrenome,E-mail\nAna,\"Sá,ana@x.com\nBia,Reis,bia@x.com\n", StandardCharsets.UTF_8),
                "import.error.quoting");
        byte[] utf8 = "Nome;Sobrenome\nJoão;Sá\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin = "Zé;Ávila\n".getBytes(WINDOWS_1252);
        Path mixed = Files.createTempFile("mixed", ".csv");
        Files.write(mixed, concat(utf8, latin));
        assertThatThrownBy(() -> imports.analyze(mixed, "mixed.csv")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    assertThat(((InvalidInputException) e).messageKey()).isEqualTo("import.error.mixed-encoding");
                    assertThat(((InvalidInputException) e).arguments()).containsExactly(2L, 3L);
                });
        StringBuilder huge = new StringBuilder("a,b\n");
        huge.append("x,y\n".repeat(CsvReading.MAX_ROWS + 1));
        assertRefused(file(huge.toString(), StandardCharsets.UTF_8), "import.error.too-many-rows");
    }

    @Test
    void files_that_would_hang_the_import_or_are_not_csv_are_refused_naming_the_limit() throws IOException {
        // 10,000 columns: refused at the header, before any row is read or mapped
        String wide = String.join(",", java.util.Collections.nCopies(10_000, "c")) + "\nx\n";
        assertRefused(file(wide, StandardCharsets.UTF_8), "import.error.too-many-columns");
        // one line of millions of characters: refused once the limit is passed, not after reading it all
        Path longLine = Files.createTempFile("long", ".csv");
        try (var out = Files.newBufferedWriter(longLine)) {
            out.write("Nome,Sobrenome,E-mail\nAna,");
            String chunk = "x".repeat(1 << 16);
            for (int i = 0; i < 200; i++) {
                out.write(chunk);
            }
        }
        assertThatThrownBy(() -> imports.analyze(longLine, "long.csv")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    assertThat(((InvalidInputException) e).messageKey()).isEqualTo("import.error.line-too-long");
                    assertThat(((InvalidInputException) e).arguments()).containsExactly(2L, CsvReading.MAX_LINE);
                });
        // a spreadsheet renamed to .csv (xlsx is a zip file; xls an OLE file)
        Path xlsx = Files.createTempFile("sheet", ".csv");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(xlsx))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRefused(xlsx, "import.error.spreadsheet");
        Path xls = Files.createTempFile("sheet", ".csv");
        Files.write(xls, concat(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, new byte[512]));
        assertRefused(xls, "import.error.spreadsheet");
    }

    @Test
    void utf16_without_a_byte_order_mark_is_told_by_its_nul_bytes() throws IOException {
        String rows = "Nome;Sobrenome;E-mail\nJoão;Sá;joao@x.com.br\nZé;Ávila;ze@x.com.br\n";
        ImportFile le = imports.analyze(file(rows, StandardCharsets.UTF_16LE), "le.csv");
        assertThat(le.encoding()).isEqualTo(Encoding.UTF_16LE_NO_BOM);
        assertThat(le.header()).containsExactly("Nome", "Sobrenome", "E-mail");
        assertThat(le.firstRow()).containsExactly("João", "Sá", "joao@x.com.br");
        ImportFile be = imports.analyze(file(rows, StandardCharsets.UTF_16BE), "be.csv");
        assertThat(be.encoding()).isEqualTo(Encoding.UTF_16BE_NO_BOM);
        assertThat(be.firstRow()).containsExactly("João", "Sá", "joao@x.com.br");
        assertThat(be.rows()).isEqualTo(2);
    }

    @Test
    void a_mapping_without_names_or_contact_is_refused() throws IOException {
        ImportFile file = imports.analyze(file("Nome,Empresa\nAna Sá,X\n", StandardCharsets.UTF_8), "x.csv");
        assertThatThrownBy(() -> imports.preview(file, Map.of(0, ImportField.FULL_NAME, 1, ImportField.COMPANY),
                LeadSource.EVENT, KEYS)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("import.error.map-contact");
        assertThatThrownBy(() -> imports.preview(file, Map.of(0, ImportField.FIRST_NAME, 1, ImportField.EMAIL),
                LeadSource.EVENT, KEYS)).hasMessageContaining("import.error.map-last-name");
    }

    // --- preview ---

    @Test
    void the_preview_flags_errors_suspects_existing_duplicates_and_repeats_within_the_file() throws IOException {
        LeadDetails known = leads.create(new LeadInput("Carla", "Known" + tag, "carla." + tag + "@known.com", null,
                null, null, null, LeadSource.EVENT, null, null), true);
        ImportFile file = imports.analyze(file("""
                First name,Last name,Email,Company
                Ok,Person%1$s,ok.%1$s@acme.com,Acme
                Bad,Email%1$s,not-an-email,Acme
                Test,Test,test.%1$s@mailinator.com,
                Carla,Known%1$s,CARLA.%1$s@known.com,
                Again,Person%1$s,ok.%1$s@acme.com,
                =cmd|' /C calc'!A0,Formula,f.%1$s@acme.com,
                <script>alert(1)</script>,Script,s.%1$s@acme.com,
                """.formatted(tag), StandardCharsets.UTF_8), "p.csv");
        Preview preview = imports.preview(file, imports.guessMapping(file), LeadSource.EVENT, KEYS);

        assertThat(preview.total()).isEqualTo(7);
        assertThat(preview.valid()).isEqualTo(4);
        assertThat(preview.invalid()).isEqualTo(3);
        assertThat(preview.repeatedInFile()).isEqualTo(1);
        assertThat(preview.suspect()).isEqualTo(1);
        List<Preview.Row> rows = preview.rows();
        assertThat(rows.get(0).error()).isNull();
        assertThat(rows.get(0).existing()).isEmpty();
        assertThat(rows.get(1).error()).isEqualTo("lead.field.email: lead.error.email-format");
        assertThat(rows.get(2).suspect()).contains(SuspectReason.PLACEHOLDER_NAME, SuspectReason.THROWAWAY_EMAIL_DOMAIN);
        assertThat(rows.get(3).existing()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(known.id()));
        assertThat(rows.get(4).sameAsRow()).isEqualTo(1);
        assertThat(rows.get(5).error()).isEqualTo("lead.field.first-name: lead.error.formula");
        assertThat(rows.get(6).error()).isEqualTo("lead.field.first-name: lead.error.markup");
    }

    @Test
    void a_national_phone_without_a_country_is_read_by_the_importing_users_country_and_an_impossible_one_is_flagged()
            throws IOException {
        ImportFile file = imports.analyze(file("""
                First name,Last name,Phone
                Nina,Brasil%1$s,(11) 3456-7821
                Otto,Kurz%1$s,(11) 3456-782
                """.formatted(tag), StandardCharsets.UTF_8), "br.csv");
        ImportService.Translator brazilian = new ImportService.Translator() {
            public String text(String key, Object... arguments) {
                return key;
            }

            public String country() {
                return "BR";
            }
        };
        Preview preview = imports.preview(file, imports.guessMapping(file), LeadSource.EVENT, brazilian);
        assertThat(preview.invalid()).isZero();
        assertThat(preview.rows().get(0).suspect()).isEmpty();
        // a digit short: imported, flagged as a number that cannot exist (not refused)
        assertThat(preview.rows().get(1).error()).isNull();
        assertThat(preview.rows().get(1).suspect()).containsExactly(SuspectReason.INVALID_PHONE);
        // without a country to read it by, the national number is refused with what to fix
        Preview unknown = imports.preview(file, imports.guessMapping(file), LeadSource.EVENT, KEYS);
        assertThat(unknown.rows().get(0).error()).isEqualTo("lead.field.phone: lead.error.phone-format");
    }

    // --- importing ---

    @Test
    void skip_leaves_known_people_alone_and_creates_the_others_with_accents_source_signal_and_tallies()
            throws IOException {
        LeadDetails known = leads.create(new LeadInput("Dora", "Known" + tag, "dora." + tag + "@known.com", null,
                null, null, null, LeadSource.EVENT, null, null), true);
        ImportFile file = imports.analyze(file("""
                Nome;Sobrenome;E-mail;País;Origem
                Conceição;Araújo%1$s;c.%1$s@acme.com.br;Brasil;Indicação
                Dora;Known%1$s;dora.%1$s@known.com;;
                Ênio;Ramos%1$s;e.%1$s@acme.com.br;PT;desconhecida
                Ênio;Ramos%1$s;e.%1$s@acme.com.br;PT;
                """.formatted(tag), WINDOWS_1252), "skip.csv");
        ImportSummary done = run(file, DuplicateChoice.SKIP, true);

        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.total()).isEqualTo(4);
        assertThat(done.processed()).isEqualTo(4);
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.skipped()).isEqualTo(2);
        assertThat(done.updated()).isZero();
        assertThat(done.failed()).isZero();
        LeadRow conceicao = find("Araújo" + tag).getFirst();
        LeadDetails created = leads.get(conceicao.id());
        assertThat(created.firstName()).isEqualTo("Conceição");
        assertThat(created.country()).isEqualTo("BR");
        assertThat(created.source()).isEqualTo(LeadSource.REFERRAL);
        assertThat(created.ownerId()).isEqualTo(owner);
        assertThat(leads.signals(created.id())).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(SignalKind.EVENT_VISIT));
        assertThat(leads.history(created.id())).singleElement()
                .satisfies(h -> assertThat(h.to()).isEqualTo("NEW"));
        assertThat(leads.get(find("Ramos" + tag).getFirst().id()).source()).isEqualTo(LeadSource.EVENT);
        assertThat(leads.get(known.id()).version()).isEqualTo(known.version());
        assertTalliesMatchTheLeads();
    }

    @Test
    void update_writes_the_files_values_into_new_and_mql_leads_and_undo_puts_them_back() throws IOException {
        LeadDetails known = leads.create(new LeadInput("Eva", "Known" + tag, "eva." + tag + "@known.com", null,
                "Old Co", null, null, LeadSource.EVENT, null, null), true);
        ImportFile file = imports.analyze(file("""
                First name,Last name,Email,Company,Job title
                Eva,Known%1$s,eva.%1$s@known.com,New Co,CFO
                Fábio,Novo%1$s,f.%1$s@new.com,New Co,CTO
                """.formatted(tag), StandardCharsets.UTF_8), "update.csv");
        ImportSummary done = run(file, DuplicateChoice.UPDATE, true);

        assertThat(done.created()).isEqualTo(1);
        assertThat(done.updated()).isEqualTo(1);
        LeadDetails updated = leads.get(known.id());
        assertThat(updated.company()).isEqualTo("New Co");
        assertThat(updated.jobTitle()).isEqualTo("CFO");
        assertThat(updated.source()).isEqualTo(LeadSource.EVENT);
        assertThat(leads.fieldHistory(known.id())).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("company");
            assertThat(c.newValue()).isEqualTo("New Co");
        });
        assertTalliesMatchTheLeads();

        ImportSummary undone = imports.undo(done.id());
        assertThat(undone.status()).isEqualTo(ImportStatus.UNDONE);
        assertThat(undone.undoRemoved()).isEqualTo(1);
        assertThat(undone.undoReverted()).isEqualTo(1);
        assertThat(undone.undoKept()).isZero();
        assertThat(leads.get(known.id()).company()).isEqualTo("Old Co");
        assertThat(leads.get(known.id()).jobTitle()).isNull();
        assertThat(find("Novo" + tag)).isEmpty();
        assertTalliesMatchTheLeads();
        assertThatThrownBy(() -> imports.undo(done.id())).hasMessageContaining("import.error.undo-done");
    }

    @Test
    void create_anyway_makes_a_second_lead_and_undo_keeps_leads_changed_since() throws IOException {
        leads.create(new LeadInput("Gil", "Known" + tag, "gil." + tag + "@known.com", null, null, null, null,
                LeadSource.EVENT, null, null), true);
        ImportFile file = imports.analyze(file("""
                Full name,E-mail
                Gil Known%1$s,gil.%1$s@known.com
                Hugo Worked%1$s,h.%1$s@x.com
                """.formatted(tag), StandardCharsets.UTF_8), "create.csv");
        ImportSummary done = run(file, DuplicateChoice.CREATE, true);
        assertThat(done.created()).isEqualTo(2);
        assertThat(find("Known" + tag)).hasSize(2);

        LeadDetails worked = leads.get(find("Worked" + tag).getFirst().id());
        leads.update(worked.id(), worked.version(), new LeadInput("Hugo", "Worked" + tag, worked.email(), null,
                "Changed Co", null, null, LeadSource.EVENT, null, null), true);
        ImportSummary undone = imports.undo(done.id());
        assertThat(undone.undoRemoved()).isEqualTo(1);
        assertThat(undone.undoKept()).isEqualTo(1);
        assertThat(find("Known" + tag)).hasSize(1);
        assertThat(find("Worked" + tag)).hasSize(1);
        assertTalliesMatchTheLeads();
    }

    @Test
    void with_errors_and_no_consent_nothing_is_imported_and_the_failed_rows_file_says_why() throws IOException {
        ImportFile file = imports.analyze(file("""
                Nome;Sobrenome;E-mail;Telefone
                Ivo;Bom%1$s;i.%1$s@x.com;
                Jó;Ruim%1$s;sem-arroba;
                Lia;SemContato%1$s;;
                """.formatted(tag), StandardCharsets.UTF_8), "errors.csv");
        ImportSummary refused = run(file, DuplicateChoice.SKIP, false);
        assertThat(refused.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(refused.created()).isZero();
        assertThat(refused.failed()).isEqualTo(2);
        assertThat(refused.message()).isEqualTo("import.error.rows-failed[2]");
        assertThat(find("Bom" + tag)).isEmpty();

        ImportFile again = imports.analyze(file("""
                Nome;Sobrenome;E-mail;Telefone
                Ivo;Bom%1$s;i.%1$s@x.com;
                Jó;Ruim%1$s;sem-arroba;
                Lia;SemContato%1$s;;
                """.formatted(tag), StandardCharsets.UTF_8), "errors.csv");
        ImportSummary done = run(again, DuplicateChoice.SKIP, true);
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.failed()).isEqualTo(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(imports.failedRows(done.id(), KEYS, out)).isEqualTo(2);
        String csv = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.substring(1))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("Sobrenome")).isEqualTo("Ruim" + tag);
        assertThat(rows.get(0).get("import.failed.row")).isEqualTo("2");
        assertThat(rows.get(0).get("import.failed.reason")).isEqualTo("lead.field.email: lead.error.email-format");
        assertThat(rows.get(1).get("import.failed.reason")).isEqualTo("lead.field.email: lead.error.contact-required");
    }

    @Test
    void a_background_import_reports_its_progress_until_done() throws Exception {
        StringBuilder text = new StringBuilder("First name,Last name,Email\n");
        for (int i = 0; i < 2500; i++) {
            text.append("P").append(i).append(",Bulk").append(tag).append(",bulk").append(i).append('.').append(tag)
                    .append("@bulk.com\n");
        }
        ImportFile file = imports.analyze(file(text.toString(), StandardCharsets.UTF_8), "bulk.csv");
        long id = imports.start(file, options(file, DuplicateChoice.SKIP, true), KEYS);
        List<Integer> seen = new ArrayList<>();
        ImportSummary summary = imports.get(id);
        for (int i = 0; i < 600 && summary.status() == ImportStatus.RUNNING; i++) {
            seen.add(summary.processed());
            Thread.sleep(50);
            summary = imports.get(id);
        }
        assertThat(summary.status()).isEqualTo(ImportStatus.DONE);
        assertThat(summary.processed()).isEqualTo(2500);
        assertThat(summary.created()).isEqualTo(2500);
        assertThat(seen).isSorted().allSatisfy(n -> assertThat(n % 1000 == 0 || n == 2500).isTrue());
        assertThat(imports.history()).anySatisfy(h -> assertThat(h.id()).isEqualTo(id));
        assertThat(Files.exists(file.path())).isFalse();
        assertThat(leads.count(new LeadQuery(null, null, null, null, null, "bulk" + tag))).isEqualTo(2500);
        assertTalliesMatchTheLeads();
    }

    @Test
    void only_marketing_leadership_and_admin_import() throws IOException {
        ImportFile file = imports.analyze(file("Nome,E-mail\nAna Sá,a@x.com\n", StandardCharsets.UTF_8), "x.csv");
        TestLogins.as("sales", Role.SALES);
        assertThatThrownBy(() -> imports.analyze(file.path(), "x.csv")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.history()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.undo(1)).isInstanceOf(AccessDeniedException.class);
        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThat(imports.history()).isNotNull();
        TestLogins.as("admin", Role.ADMIN);
        assertThat(imports.guessMapping(file)).isNotEmpty();
    }

    @Test
    void undo_keeps_leads_that_got_a_signal_since_also_through_a_web_form() throws IOException {
        Path path = file("First name,Last name,E-mail\n"
                + "Web,Form" + tag + ",web." + tag + "@example.com\n"
                + "By,Hand" + tag + ",hand." + tag + "@example.com\n"
                + "Left,Alone" + tag + ",alone." + tag + "@example.com\n", StandardCharsets.UTF_8);
        ImportSummary done = run(imports.analyze(path, "three.csv"), DuplicateChoice.SKIP, true);
        assertThat(done.created()).isEqualTo(3);

        TestLogins.as("admin", Role.ADMIN);
        var form = capture.create("Undo test " + tag, LeadSource.WEBSITE_FORM, SignalKind.CONTACT_FORM, List.of(),
                owner);
        assertThat(capture.submit(form.key(), Map.of("firstName", "Web", "lastName", "Form" + tag, "email",
                "web." + tag + "@example.com", "consent", "yes"), "203.0.113.9", null).status()).isEqualTo(201);
        TestLogins.as("marketing", Role.MARKETING);
        leads.addSignal(find("Hand" + tag).getFirst().id(), SignalKind.EVENT_VISIT, null);

        ImportSummary undone = imports.undo(done.id());
        assertThat(undone.undoRemoved()).isEqualTo(1);
        assertThat(undone.undoKept()).isEqualTo(2);
        assertThat(find("Form" + tag)).hasSize(1);
        assertThat(find("Hand" + tag)).hasSize(1);
        assertThat(find("Alone" + tag)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM capture_submission WHERE lead_id IS NULL AND form_id = ?",
                Integer.class, form.id())).as("no consent lost its lead").isZero();
        assertTalliesMatchTheLeads();
    }

    @Autowired
    app.funnel.activity.ActivityService activities;
    @Autowired
    app.funnel.activity.FollowUpService followUps;

    @Test
    void undo_keeps_leads_someone_logged_a_call_on_or_planned_a_next_step_for() throws IOException {
        Path path = file("First name,Last name,E-mail\n"
                + "Called,Once" + tag + ",called." + tag + "@example.com\n"
                + "Planned,Step" + tag + ",planned." + tag + "@example.com\n"
                + "Left,Alone" + tag + ",alone." + tag + "@example.com\n", StandardCharsets.UTF_8);
        ImportSummary done = run(imports.analyze(path, "work.csv"), DuplicateChoice.SKIP, true);
        assertThat(done.created()).isEqualTo(3);
        activities.log("LEAD", find("Once" + tag).getFirst().id(), new app.funnel.activity.ActivityInput(
                app.funnel.activity.ActivityKind.CALL, null, null, "She asked for a call back", null, false));
        followUps.add("LEAD", find("Step" + tag).getFirst().id(), new app.funnel.activity.FollowUpInput("Send the offer",
                java.time.Instant.now().plusSeconds(3600), null, null));

        ImportSummary undone = imports.undo(done.id());
        assertThat(undone.undoRemoved()).isEqualTo(1);
        assertThat(undone.undoKept()).isEqualTo(2);
        assertThat(find("Once" + tag)).hasSize(1);
        assertThat(find("Step" + tag)).hasSize(1);
        assertThat(find("Alone" + tag)).isEmpty();
        assertTalliesMatchTheLeads();
    }

    @Test
    void another_marketing_user_cannot_read_undo_or_download_the_failed_rows_of_an_import_leadership_can()
            throws IOException {
        Path path = file("First name,Last name,E-mail\nRita,Reis" + tag + ",rita." + tag + "@example.com\n",
                StandardCharsets.UTF_8);
        ImportSummary mine = run(imports.analyze(path, "mine.csv"), DuplicateChoice.SKIP, true);

        TestLogins.as("camila", Role.MARKETING);
        assertThatThrownBy(() -> imports.get(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.undo(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.failedRows(mine.id(), KEYS, OutputStream.nullOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(imports.history()).extracting(ImportSummary::id).doesNotContain(mine.id());
        assertThat(find("Reis" + tag)).hasSize(1);

        TestLogins.as("leadership", Role.LEADERSHIP);
        assertThat(imports.get(mine.id()).startedBy()).isEqualTo("marketing");
        assertThat(imports.history()).extracting(ImportSummary::id).contains(mine.id());
    }

    // --- helpers ---

    private ImportSummary run(ImportFile file, DuplicateChoice choice, boolean skipInvalid) {
        long id = imports.run(file, options(file, choice, skipInvalid), KEYS);
        return imports.get(id);
    }

    private ImportOptions options(ImportFile file, DuplicateChoice choice, boolean skipInvalid) {
        return new ImportOptions(imports.guessMapping(file), choice, skipInvalid, LeadSource.EVENT,
                SignalKind.EVENT_VISIT, owner);
    }

    private List<LeadRow> find(String text) {
        return leads.search(new LeadQuery(null, null, null, null, null, text), PageRequest.of(0, 50));
    }

    private void assertRefused(Path path, String key) {
        assertThatThrownBy(() -> imports.analyze(path, "bad.csv")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).messageKey()).isEqualTo(key));
    }

    private void assertTalliesMatchTheLeads() {
        assertThat(jdbc.queryForList("SELECT created_month, status, owner_id, source, CAST(SUM(n) AS SIGNED) AS n FROM lead_tally "
                + "GROUP BY 1, 2, 3, 4 HAVING n <> 0 ORDER BY 1, 2, 3, 4"))
                .isEqualTo(jdbc.queryForList("SELECT " + zone.monthSql("created_at") + " AS created_month, status, "
                        + "owner_id, source, COUNT(*) AS n FROM leads GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"));
        for (String column : List.of("last_name", "company")) {
            assertThat(jdbc.queryForList("SELECT CAST(bucket AS SIGNED) AS bucket, CAST(SUM(n) AS SIGNED) AS n FROM lead_order_tally "
                    + "WHERE sort_column = ? GROUP BY bucket HAVING n <> 0 ORDER BY bucket", column))
                    .isEqualTo(jdbc.queryForList("SELECT (SELECT COUNT(*) FROM lead_order_bound b WHERE b.sort_column = ? "
                            + "AND b.bound <= l." + column + ") AS bucket, COUNT(*) AS n FROM leads l GROUP BY 1 ORDER BY 1",
                            column));
        }
    }

    private static Path file(String text, Charset charset) throws IOException {
        Path path = Files.createTempFile("import", ".csv");
        Files.write(path, text.getBytes(charset));
        return path;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
