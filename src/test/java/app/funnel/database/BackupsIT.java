package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.Application;
import app.funnel.TestLogins;
import app.funnel.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.FileSystemUtils;

/**
 * Backups of the embedded database, round trip: written while Funnel runs (named with the schema
 * version, verified by a restore into a throwaway server), only the last few kept, restored into an
 * empty data directory at start with every row back, and taken on the schedule; a data directory
 * from a newer build is refused.
 */
@ExtendWith(app.funnel.RestoresSecurityContextStrategy.class)
class BackupsIT {

    @Test
    void a_backup_is_written_verified_pruned_and_restored_into_an_empty_data_directory() throws Exception {
        Path root = Files.createTempDirectory("funnel-backups-");
        Path backupDir = root.resolve("backups");
        try {
            Path file;
            long leads;
            long history;
            try (ConfigurableApplicationContext app = start(root.resolve("first"), backupDir, "", "-")) {
                Backups backups = app.getBean(Backups.class);
                TestLogins.as("marketing", Role.MARKETING);
                assertThatThrownBy(backups::backUpNow).isInstanceOf(AccessDeniedException.class);
                TestLogins.as("admin", Role.ADMIN);
                assertThat(backups.status().lastAt()).isNull();
                backups.backUpNow();
                Backups.Backup last = backups.backUpNow();
                assertThat(last.verified()).isTrue();
                assertThat(last.file().getFileName().toString()).matches("funnel-\\d{8}-\\d{6}Z-V\\d+\\.sql\\.gz");
                assertThat(last.file().getFileName().toString()).contains("-V" + last.version());
                try (Stream<Path> files = Files.list(backupDir)) {
                    List<Path> kept = files.filter(f -> f.toString().endsWith(".sql.gz")).toList();
                    assertThat(kept).as("FUNNEL_BACKUP_KEEP=1").hasSize(1).contains(last.file());
                }
                assertThat(backups.status().lastAt()).isEqualTo(last.at());
                assertThat(backups.status().overdue()).isFalse();
                file = last.file();
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                leads = jdbc.queryForObject("SELECT COUNT(*) FROM leads", Long.class);
                history = jdbc.queryForObject("SELECT COUNT(*) FROM stage_change", Long.class);
                assertThat(leads).isPositive();
            } finally {
                SecurityContextHolder.clearContext();
            }

            // the restored Funnel backs up on a schedule: every 2 seconds here, nightly by default
            java.time.Instant restoredAt = java.time.Instant.now();
            try (ConfigurableApplicationContext restored = start(root.resolve("second"), backupDir, file.toString(),
                    "*/2 * * * * *")) {
                JdbcTemplate jdbc = restored.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads", Long.class)).isEqualTo(leads);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stage_change", Long.class)).isEqualTo(history);
                Backups backups = restored.getBean(Backups.class);
                TestLogins.as("admin", Role.ADMIN);
                long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
                while ((backups.status().lastAt() == null || backups.status().lastAt().isBefore(restoredAt))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Backups.Status scheduled = backups.status();
                assertThat(scheduled.lastAt()).as("a scheduled backup ran").isAfter(restoredAt);
                assertThat(scheduled.lastBytes()).isPositive();
                assertThat(Path.of(scheduled.lastFile())).exists();
                SecurityContextHolder.clearContext();
                // a newer build's migration in the history: this build refuses to start on it
                jdbc.update("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                        + "checksum, installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL', "
                        + "'V999__future.sql', 0, 'test', 1, 1)");
            }
            assertThatThrownBy(() -> start(root.resolve("second"), backupDir, "", "-").close())
                    .hasStackTraceContaining("written by a newer Funnel");
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, Path backupDir, String restoreFrom, String cron) {
        return new SpringApplicationBuilder(Application.class).run("--funnel.test.shared-db=false",
                "--funnel.data-dir=" + dataDir, "--funnel.backup.dir=" + backupDir, "--funnel.backup.keep=1",
                "--funnel.backup.cron=" + cron, "--funnel.backup.restore-from=" + restoreFrom, "--server.port=0",
                "--funnel.demo=" + (restoreFrom.isEmpty() ? "true" : "false"), "--vaadin.devmode.devTools.enabled=false");
    }
}
