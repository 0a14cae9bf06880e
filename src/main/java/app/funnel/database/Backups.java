package app.funnel.database;

import app.funnel.base.Settings;
import app.funnel.security.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Backups of the embedded database: on a schedule ({@code FUNNEL_BACKUP_CRON}, by default every
 * night at 02:30 in the company's zone), before a start that migrates the schema, and when an admin
 * asks. Each is a consistent dump named with its time and schema version, verified by restoring it
 * into a throwaway server and counting every table's rows, then the oldest beyond {@code
 * FUNNEL_BACKUP_KEEP} are deleted. Admins see the last one and are warned when none succeeded in 48 h.
 * An external database is backed up with its server's own tools (README).
 */
@Service
public class Backups {

    /** One backup written. */
    public record Backup(Path file, long bytes, Instant at, String version, boolean verified) {
    }

    /** What admins are shown. */
    public record Status(boolean available, Path directory, @Nullable Instant lastAt, @Nullable String lastFile,
                         long lastBytes, @Nullable Instant failedAt, @Nullable String failure, boolean overdue) {
    }

    /** After this long without a successful backup, admins are warned. */
    static final Duration OVERDUE = Duration.ofHours(48);

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final ObjectProvider<EmbeddedMariaDb> server;
    private final JdbcTemplate jdbc;
    private final Settings settings;
    private final BackupProperties properties;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    Backups(ObjectProvider<EmbeddedMariaDb> server, JdbcTemplate jdbc, Settings settings, BackupProperties properties,
            Clock clock) {
        this.server = server;
        this.jdbc = jdbc;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The same backups for a command run beside Funnel or instead of it ({@code funnel backup}): on the
     * given server, its rows read over a connection of their own, its outcome kept where the Backups
     * page reads it.
     */
    static Backups of(EmbeddedMariaDb db, BackupProperties properties, Clock clock) {
        JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                new org.mariadb.jdbc.Driver(), db.jdbcUrl(), db.username(), db.password()));
        return new Backups(new org.springframework.beans.factory.support.StaticListableBeanFactory(
                Map.of("server", db)).getBeanProvider(EmbeddedMariaDb.class), jdbc, Settings.on(jdbc, clock),
                properties, clock);
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    public Backup backUpNow() {
        return backUp();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    public Status status() {
        Instant lastAt = settings.get("backup.last.at").map(Instant::parse).orElse(null);
        Instant failedAt = settings.get("backup.failed.at").map(Instant::parse).orElse(null);
        Instant since = lastAt != null ? lastAt : settings.get("backup.watch.since").map(Instant::parse).orElse(null);
        boolean available = server.getIfAvailable() != null;
        boolean overdue = available && since != null && since.plus(OVERDUE).isBefore(clock.instant());
        return new Status(available, directory(), lastAt, settings.get("backup.last.file").orElse(null),
                settings.get("backup.last.bytes").map(Long::parseLong).orElse(0L),
                failedAt != null && (lastAt == null || failedAt.isAfter(lastAt)) ? failedAt : null,
                settings.get("backup.failed.error").orElse(null), overdue);
    }

    @Scheduled(cron = "${funnel.backup.cron:0 30 2 * * *}", zone = "${funnel.time-zone:}")
    void scheduled() {
        if (server.getIfAvailable() == null) {
            return;
        }
        try {
            backUp();
        } catch (RuntimeException e) {
            log.error("The scheduled backup failed", e);
        }
    }

    /** Since when a backup is expected: the first start with backups, so that a new install is not warned at once. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void watchFromNow() {
        if (server.getIfAvailable() != null && settings.get("backup.watch.since").isEmpty()) {
            settings.put("backup.watch.since", clock.instant().toString());
        }
    }

    Backup backUp() {
        EmbeddedMariaDb db = server.getIfAvailable();
        if (db == null) {
            throw new IllegalStateException("Funnel backs up its embedded database only; back up an external "
                    + "database with its server's own tools (see the README)");
        }
        if (!running.tryLock()) {
            throw new app.funnel.base.RefusedException("backup.running");
        }
        Instant at = clock.instant();
        try {
            Map<String, Long> before = Dumps.counts(db);
            Path file = Dumps.write(db, directory(), at, version());
            Map<String, Long> after = Dumps.counts(db);
            boolean verified = false;
            if (properties.verify()) {
                verify(file, before, after);
                verified = true;
            }
            long bytes = size(file);
            settings.put("backup.last.at", at.toString());
            settings.put("backup.last.file", file.toString());
            settings.put("backup.last.bytes", String.valueOf(bytes));
            prune();
            log.info("Backup written to {} ({} bytes{}, {} ms)", file, bytes, verified ? ", verified" : "",
                    Duration.between(at, clock.instant()).toMillis());
            return new Backup(file, bytes, at, version(), verified);
        } catch (RuntimeException e) {
            settings.put("backup.failed.at", at.toString());
            settings.put("backup.failed.error", String.valueOf(e.getMessage()));
            throw e;
        } finally {
            running.unlock();
        }
    }

    /**
     * Restores the dump into a server of its own and counts every table: each must hold what the
     * live table held (between its counts before and after the dump, as users may write meanwhile).
     */
    private void verify(Path file, Map<String, Long> before, Map<String, Long> after) {
        Path root = directory().resolve(".verify-" + clock.millis());
        try (EmbeddedMariaDb scratch = EmbeddedMariaDb.start(root, "funnel", 0)) {
            Dumps.restore(scratch, file);
            Map<String, Long> restored = Dumps.counts(scratch);
            if (!restored.keySet().equals(before.keySet())) {
                throw new IllegalStateException("The backup " + file.getFileName() + " restores the tables "
                        + restored.keySet() + ", not " + before.keySet());
            }
            for (Map.Entry<String, Long> table : restored.entrySet()) {
                long low = Math.min(before.get(table.getKey()), after.getOrDefault(table.getKey(), 0L));
                long high = Math.max(before.get(table.getKey()), after.getOrDefault(table.getKey(), 0L));
                if (table.getValue() < low || table.getValue() > high) {
                    throw new IllegalStateException("The backup " + file.getFileName() + " restores "
                            + table.getValue() + " rows of " + table.getKey() + ", the database held " + low
                            + (low == high ? "" : " to " + high));
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(root.toFile());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() {
        try (Stream<Path> files = Files.list(directory())) {
            List<Path> backups = files.filter(f -> f.getFileName().toString().matches("funnel-.*\\.sql\\.gz"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
            for (Path old : backups.subList(Math.min(backups.size(), Math.max(1, properties.keep())), backups.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete old backups in " + directory() + ": " + e.getMessage(), e);
        }
    }

    private String version() {
        List<String> versions = jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1 "
                + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1", String.class);
        return versions.isEmpty() ? "0" : versions.getFirst();
    }

    Path directory() {
        return Path.of(properties.dir()).toAbsolutePath().normalize();
    }
}
