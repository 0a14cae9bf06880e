package app.funnel.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups of the embedded database ({@code funnel.backup.*}).
 *
 * @param dir         where backups are written ({@code FUNNEL_BACKUP_DIR}); best on another disk
 * @param cron        when the scheduled backup runs, in the company's zone ({@code FUNNEL_BACKUP_CRON}; "-" for never)
 * @param keep        how many backups are kept; older ones are deleted after a new one is verified
 * @param verify      whether each backup is restored into a throwaway server and its rows counted
 * @param restoreFrom a backup to restore into an empty data directory at start ({@code FUNNEL_RESTORE_FROM})
 */
@ConfigurationProperties("funnel.backup")
record BackupProperties(@DefaultValue("./backups") String dir, @DefaultValue("0 30 2 * * *") String cron,
                        @DefaultValue("7") int keep, @DefaultValue("true") boolean verify,
                        @DefaultValue("") String restoreFrom) {
}
