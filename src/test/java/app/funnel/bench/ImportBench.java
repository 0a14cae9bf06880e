package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.importing.DuplicateChoice;
import app.funnel.importing.ImportFile;
import app.funnel.importing.ImportOptions;
import app.funnel.importing.ImportService;
import app.funnel.importing.ImportStatus;
import app.funnel.importing.ImportSummary;
import app.funnel.lead.LeadQuery;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CSV import at scale: {@code ./mvnw -Pbench verify -Dit.test=ImportBench}. A 100,000-row file
 * (semicolons, Windows-1252, accents; about 5 % people already among the million leads, 1 % repeats
 * within the file, 1 % rows with errors) is imported end to end (read, every row checked, duplicates
 * matched against the existing leads and within the file, leads, history, signals and tallies
 * written) and undone again; beside it, MariaDB's own {@code LOAD DATA LOCAL INFILE} of the same
 * file into a bare table with no index. Medians of {@code -Dbench.import.runs} (3) runs.
 */
@BenchApp
class ImportBench {

    static final int ROWS = Integer.getInteger("bench.import.rows", 100_000);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static {
        BenchApp.Database.prepare();
    }

    @Autowired
    ImportService imports;
    @Autowired
    LeadService leads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void import_of_a_hundred_thousand_rows_against_a_million_leads() throws Exception {
        TestLogins.as("marketing", Role.MARKETING);
        long before = leads.count(LeadQuery.all());
        assertThat(before).isGreaterThanOrEqualTo(BenchApp.LEADS);
        Path file = file();
        long owner = leads.currentUserId();
        int runs = Integer.getInteger("bench.import.runs", 3);
        Bench bench = new Bench("import", runs, 0);
        jdbc.execute("DROP TABLE IF EXISTS bench_import_floor");
        jdbc.execute("CREATE TABLE bench_import_floor (first_name VARCHAR(100), last_name VARCHAR(100), email VARCHAR(254), "
                + "phone VARCHAR(40), company VARCHAR(200), job_title VARCHAR(150), country VARCHAR(60), "
                + "source VARCHAR(40)) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4");
        List<Double> appTimes = new ArrayList<>();
        List<Double> previewTimes = new ArrayList<>();
        List<Double> floorTimes = new ArrayList<>();
        List<Double> undoTimes = new ArrayList<>();
        ImportSummary last = null;
        System.out.printf("%n%,d leads; importing %,d rows (%,d bytes), %d runs%n", before, ROWS, Files.size(file), runs);
        for (int run = 0; run <= runs; run++) { // run 0 warms up
            Path copy = Files.copy(file, file.resolveSibling("run-" + run + ".csv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long start = System.nanoTime();
            ImportFile read = imports.analyze(copy, "bench.csv");
            var mapping = imports.guessMapping(read);
            long previewStart = System.nanoTime();
            imports.preview(read, mapping, LeadSource.EVENT, (key, args) -> key);
            double previewMs = (System.nanoTime() - previewStart) / 1e6;
            long importStart = System.nanoTime();
            long id = imports.run(read, new ImportOptions(mapping, DuplicateChoice.SKIP, true, LeadSource.EVENT,
                    null, owner), (key, args) -> key);
            double appMs = (System.nanoTime() - importStart + (previewStart - start)) / 1e6;
            System.out.printf("run %d: reading the file (encoding, delimiter, rows) %,.0f ms%n", run, (previewStart - start) / 1e6);
            last = imports.get(id);
            long undoStart = System.nanoTime();
            imports.undo(id);
            double undoMs = (System.nanoTime() - undoStart) / 1e6;
            double floorMs = loadDataFloor(file);
            if (run > 0) {
                appTimes.add(appMs);
                previewTimes.add(previewMs);
                floorTimes.add(floorMs);
                undoTimes.add(undoMs);
            }
            System.out.printf("run %d: import %,.0f ms (%,.0f rows/s), preview %,.0f ms, undo %,.0f ms, LOAD DATA %,.0f ms%n",
                    run, appMs, ROWS / (appMs / 1000), previewMs, undoMs, floorMs);
        }
        assertThat(last).isNotNull();
        assertThat(last.status()).isEqualTo(ImportStatus.DONE);
        System.out.printf("last run: %,d created, %,d skipped, %,d failed%n", last.created(), last.skipped(),
                last.failed());
        assertThat(leads.count(LeadQuery.all())).isEqualTo(before);
        bench.header();
        double app = Bench.median(appTimes);
        double floor = Bench.median(floorTimes);
        bench.add("import " + ROWS + " rows, skip duplicates (read, check, match, write)", app, floor, runs);
        bench.add("preview: check every row, match the first 100", Bench.median(previewTimes), floor, runs);
        bench.add("undo the import", Bench.median(undoTimes), floor, runs);
        System.out.printf("import: %,.0f rows per second end to end (LOAD DATA: %,.0f rows per second)%n",
                ROWS / (app / 1000), ROWS / (floor / 1000));
        Path written = bench.write(Path.of("target/bench"));
        System.out.println("Written to " + written.toAbsolutePath());
        jdbc.execute("DROP TABLE IF EXISTS bench_import_floor");
    }

    /** LOAD DATA LOCAL INFILE of the file, as it is, into the bare table. */
    private double loadDataFloor(Path file) throws Exception {
        jdbc.execute("TRUNCATE TABLE bench_import_floor");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             InputStream in = Files.newInputStream(file)) {
            statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(in);
            long start = System.nanoTime();
            statement.execute("LOAD DATA LOCAL INFILE 'bench.csv' INTO TABLE bench_import_floor CHARACTER SET latin1 "
                    + "FIELDS TERMINATED BY ';' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\r\\n' IGNORE 1 LINES");
            double ms = (System.nanoTime() - start) / 1e6;
            Integer loaded = jdbc.queryForObject("SELECT COUNT(*) FROM bench_import_floor", Integer.class);
            assertThat(loaded).isEqualTo(ROWS);
            return ms;
        }
    }

    /** The file: new people, some known ones (e-mails of existing leads), repeats and errors. */
    private Path file() throws IOException {
        Random random = new Random(42);
        List<String> known = jdbc.queryForList("SELECT email FROM leads WHERE email IS NOT NULL ORDER BY id LIMIT ?",
                String.class, ROWS / 20);
        String[] first = {"João", "Conceição", "Ênio", "Márcia", "Inês", "Luís", "Ana", "José", "Fábio", "Lúcia"};
        String[] last = {"Araújo", "Gonçalves", "Simões", "Conceição", "Ribeiro", "Assunção", "Brandão", "Peçanha"};
        String[] companies = {"Ação Ltda", "Cervejaria Ñandu", "Pão & Cia", "Tecnologia Avançada", "Logística São Paulo"};
        StringBuilder csv = new StringBuilder(ROWS * 120);
        csv.append("Nome;Sobrenome;E-mail;Telefone;Empresa;Cargo;País;Origem\r\n");
        for (int i = 0; i < ROWS; i++) {
            String f = first[random.nextInt(first.length)];
            String l = last[random.nextInt(last.length)];
            String email;
            int kind = random.nextInt(100);
            if (kind < 5 && !known.isEmpty()) {
                email = known.get(random.nextInt(known.size()));
            } else if (kind == 5 && i > 0) {
                email = "pessoa" + (i - 1) + "@bench-import.com.br";
            } else if (kind == 6) {
                email = "sem-arroba-" + i;
            } else {
                email = "pessoa" + i + "@bench-import.com.br";
            }
            String phone = random.nextInt(3) == 0 ? "" : "(11) 9" + (1000 + random.nextInt(9000)) + "-" + (1000 + random.nextInt(9000));
            csv.append(f).append(';').append(l).append(i).append(';').append(email).append(';').append(phone)
                    .append(';').append(companies[random.nextInt(companies.length)]).append(';').append("Gerente")
                    .append(';').append(random.nextBoolean() ? "Brasil" : "BR").append(';').append("Evento").append("\r\n");
        }
        Path dir = Files.createDirectories(Path.of("target/bench/import"));
        Path file = dir.resolve("leads-100k.csv");
        Files.write(file, csv.toString().getBytes(WINDOWS_1252));
        return file;
    }
}
