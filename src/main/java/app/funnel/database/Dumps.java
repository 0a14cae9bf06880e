package app.funnel.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Consistent dumps of the embedded server with the MariaDB tools it ships: {@code mariadb-dump
 * --single-transaction} (a snapshot, no locks: users keep working) gzipped into a file named with
 * its time and the schema's Flyway version, and restores with {@code mariadb}. The password goes
 * through the environment, never the command line others can read.
 */
final class Dumps {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Dumps() {
    }

    /** Writes a dump into the directory, as a .part file renamed once complete; returns the file. */
    static Path write(EmbeddedMariaDb server, Path dir, Instant at, String version) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("funnel-" + STAMP.format(at) + "-V" + version + ".sql.gz");
            Path part = dir.resolve(file.getFileName() + ".part");
            ProcessBuilder dump = new ProcessBuilder(server.tool("mariadb-dump").toString(),
                    "--host=127.0.0.1", "--port=" + server.port(), "--user=" + server.username(),
                    "--single-transaction", "--quick", "--skip-lock-tables", "--hex-blob", "--triggers",
                    "--default-character-set=utf8mb4", "--no-tablespaces", server.schema());
            dump.environment().put("MYSQL_PWD", server.password());
            Process process = dump.start();
            CompletableFuture<String> errors = drain(process.getErrorStream());
            try (InputStream in = process.getInputStream();
                 OutputStream out = new GZIPOutputStream(Files.newOutputStream(part), 1 << 16)) {
                in.transferTo(out);
            }
            int exit = process.waitFor();
            if (exit != 0) {
                Files.deleteIfExists(part);
                throw new IllegalStateException("mariadb-dump failed (exit " + exit + "): " + errors.join().strip());
            }
            if (!complete(part)) {
                Files.deleteIfExists(part);
                throw new IllegalStateException("mariadb-dump ended without writing the whole dump");
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a backup into " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a backup", e);
        }
    }

    /** Loads a dump (gzipped or not) into the server's schema. */
    static void restore(EmbeddedMariaDb server, Path file) {
        try {
            ProcessBuilder load = new ProcessBuilder(server.tool("mariadb").toString(), "--host=127.0.0.1",
                    "--port=" + server.port(), "--user=" + server.username(), "--default-character-set=utf8mb4",
                    server.schema());
            load.environment().put("MYSQL_PWD", server.password());
            Process process = load.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            CompletableFuture<String> errors = drain(process.getErrorStream());
            try (InputStream in = open(file); OutputStream out = process.getOutputStream()) {
                in.transferTo(out);
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Restoring " + file + " failed (exit " + exit + "): "
                        + errors.join().strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restoring " + file, e);
        }
    }

    /** Every table's row count, by name. */
    static Map<String, Long> counts(EmbeddedMariaDb server) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table.replace("`", "``") + "`")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the rows: " + e.getMessage(), e);
        }
        return counts;
    }

    /** Whether the schema has no tables (a data directory to restore into). */
    static boolean empty(EmbeddedMariaDb server) {
        return counts(server).isEmpty();
    }

    private static boolean complete(Path gz) throws IOException {
        // mariadb-dump's last line says it completed; read the tail of the uncompressed stream
        byte[] tail = new byte[4096];
        int kept = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (n >= tail.length) {
                    System.arraycopy(buffer, n - tail.length, tail, 0, tail.length);
                    kept = tail.length;
                } else {
                    int keep = Math.min(kept, tail.length - n);
                    System.arraycopy(tail, kept - keep, tail, 0, keep);
                    System.arraycopy(buffer, 0, tail, keep, n);
                    kept = keep + n;
                }
            }
        }
        return new String(tail, 0, kept, StandardCharsets.UTF_8).contains("-- Dump completed");
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.getMessage();
            }
        });
    }
}
