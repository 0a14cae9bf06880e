package app.funnel.database;

import app.funnel.base.FunnelProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Backups from the command line, with the settings Funnel itself reads (environment, {@code
 * --funnel.x=y} arguments, application.properties):
 * <ul>
 * <li>{@code funnel backup}: a consistent, verified dump of the embedded database into {@code
 * FUNNEL_BACKUP_DIR}, the same as the nightly one. Beside a running Funnel it dumps the live server
 * (users keep working); with Funnel stopped it starts the server on {@code FUNNEL_DATA_DIR} for the
 * dump and stops it again.</li>
 * <li>{@code funnel restore FILE}: loads a backup into an empty {@code FUNNEL_DATA_DIR}, with Funnel
 * stopped; the next start runs on it (migrating it if the backup is older).</li>
 * </ul>
 * Run as {@code java -jar funnel.jar backup}, or from the sources as {@code ./mvnw -Pbackup} and
 * {@code ./mvnw -Prestore -Dfrom=FILE}. The exit status is 0 when it worked, 1 with one line saying
 * what to do otherwise.
 */
public final class FunnelCommands {

    private static final List<String> COMMANDS = List.of("backup", "restore");

    private FunnelCommands() {
    }

    /** Whether the arguments name a command, not a start of Funnel. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command as the whole program: only warnings logged beside its own lines, then exits. */
    public static void runAndExit(String[] args) {
        LoggingSystem.get(FunnelCommands.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the process's exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        List<String> rest = Arrays.stream(args).skip(1).filter(a -> !a.startsWith("--")).toList();
        try {
            Binder binder = binder(args);
            Path root = Path.of(binder.bindOrCreate("funnel", FunnelProperties.class).dataDir());
            BackupProperties backups = binder.bindOrCreate("funnel.backup", BackupProperties.class);
            EmbeddedDbProperties db = binder.bindOrCreate("funnel.embedded-db", EmbeddedDbProperties.class);
            if (command.equals("backup")) {
                return backup(root, backups, db, out);
            }
            if (rest.size() != 1) {
                err.println("funnel restore: name the backup to restore, as in: restore backups/funnel-20261202-023000Z-V18.sql.gz");
                return 1;
            }
            return restore(root, Path.of(rest.getFirst()), db, out);
        } catch (RuntimeException e) {
            err.println("funnel " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private static int backup(Path root, BackupProperties properties, EmbeddedDbProperties db, PrintStream out) {
        Optional<EmbeddedMariaDb> live = EmbeddedMariaDb.attach(root);
        if (live.isEmpty() && !Files.isDirectory(root.resolve("mariadb"))) {
            throw new IllegalStateException(root.toAbsolutePath() + " holds no Funnel database: set FUNNEL_DATA_DIR "
                    + "to the directory Funnel runs on");
        }
        out.println(live.isPresent() ? "Backing up the database of the Funnel running on " + root.toAbsolutePath()
                : "Funnel is not running: starting its database on " + root.toAbsolutePath() + " for the backup");
        try (EmbeddedMariaDb server = live.orElseGet(() -> start(root, db))) {
            Backups.Backup backup = Backups.of(server, properties, Clock.systemUTC()).backUp();
            out.println("Backup written to " + backup.file() + " (" + backup.bytes() + " bytes, schema version "
                    + backup.version() + (backup.verified() ? ", verified: restored into a throwaway server with "
                    + "every table's rows counted)" : ", not verified)"));
            return 0;
        }
    }

    private static int restore(Path root, Path dump, EmbeddedDbProperties db, PrintStream out) {
        if (!Files.isRegularFile(dump)) {
            throw new IllegalStateException(dump + " is not a file: give the path of a backup (funnel-...sql.gz)");
        }
        if (EmbeddedMariaDb.attach(root).isPresent()) {
            throw new IllegalStateException("a Funnel is running on " + root.toAbsolutePath() + ": stop it, and "
                    + "restore into a new, empty FUNNEL_DATA_DIR");
        }
        try (EmbeddedMariaDb server = start(root, db)) {
            if (!Dumps.empty(server)) {
                throw new IllegalStateException(root.toAbsolutePath() + " already holds Funnel's tables: restore "
                        + "into a new, empty FUNNEL_DATA_DIR (nothing was changed)");
            }
            try {
                Dumps.restore(server, dump);
            } catch (RuntimeException failed) {
                throw new IllegalStateException(failed.getMessage() + ". " + root.toAbsolutePath() + " now holds part of "
                        + "the backup: delete that directory before trying again", failed);
            }
            Map<String, Long> counts = Dumps.counts(server);
            out.println("Restored " + dump + " into " + root.toAbsolutePath() + ": " + counts.size() + " tables, "
                    + counts.values().stream().mapToLong(Long::longValue).sum() + " rows. Start Funnel with "
                    + "FUNNEL_DATA_DIR=" + root + ".");
            return 0;
        }
    }

    private static EmbeddedMariaDb start(Path root, EmbeddedDbProperties db) {
        return EmbeddedMariaDb.start(db.on(root));
    }

    /** Funnel's own settings: --arguments, then the environment, then application.properties with its defaults. */
    private static Binder binder(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        String[] options = Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new);
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(options));
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(environment);
    }
}
