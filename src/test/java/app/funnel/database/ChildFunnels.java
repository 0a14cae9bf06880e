package app.funnel.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/** For tests that run Funnel as a JVM of its own: nothing of it is left behind, whatever the test did. */
final class ChildFunnels {

    private ChildFunnels() {
    }

    /** Starts the class's main in a JVM of its own, with this test's class path. */
    static Process start(Class<?> main, String... args) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * Reads the child's output until a line starting with the prefix, returns that line and keeps
     * reading the rest in the background (a full pipe would stop the child).
     */
    static String awaitLine(Process child, String prefix) throws IOException {
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-funnel-output");
                drain.setDaemon(true);
                drain.start();
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child JVM ended before saying " + prefix + ":\n" + seen);
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
