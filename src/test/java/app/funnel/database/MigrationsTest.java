package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A landed Flyway migration never changes (a database made by an earlier build would fail
 * Flyway's checksum check at start): each file must equal its line in
 * {@code src/test/resources/db/landed-migrations.sha256}, and a new one gets a line when it lands.
 */
class MigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path LANDED = Path.of("src/test/resources/db/landed-migrations.sha256");

    @Test
    void every_landed_migration_is_unchanged_and_every_migration_is_listed() throws Exception {
        Map<String, String> landed = new TreeMap<>();
        for (String line : Files.readAllLines(LANDED)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.strip().split("\\s+");
                landed.put(parts[1], parts[0]);
            }
        }
        Map<String, String> now;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            now = files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .collect(Collectors.toMap(p -> p.getFileName().toString(), MigrationsTest::sha256, (a, b) -> a,
                            TreeMap::new));
        }
        assertThat(landed.keySet()).as("a landed migration was deleted or renamed").isSubsetOf(now.keySet());
        for (var entry : landed.entrySet()) {
            assertThat(now.get(entry.getKey())).as(entry.getKey() + " changed after it landed: put the change in a "
                    + "new migration and restore this file").isEqualTo(entry.getValue());
        }
        assertThat(now.keySet()).as("a new migration: add its line (sha256sum) to " + LANDED).isSubsetOf(landed.keySet());
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
