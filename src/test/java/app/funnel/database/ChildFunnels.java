package app.funnel.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/** For tests that run Funnel as a JVM of its own: nothing of it is left behind, whatever the test did. */
final class ChildFunnels {

    private ChildFunnels() {
    }

    /** Kills the JVM and the database server its data directory names, then deletes the directory. */
    static void cleanUp(Process funnel, Path root) throws IOException {
        funnel.destroyForcibly();
        Path pid = root.resolve("mariadb-tmp").resolve("mariadbd.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
        FileSystemUtils.deleteRecursively(root);
    }
}
