package app.funnel.base;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The installation-wide {@code funnel.*} settings (environment variables in application.properties).
 * Each feature's own settings are bound next to it: {@code funnel.login} (security), {@code
 * funnel.capture}, {@code funnel.embedded-db} (database), {@code funnel.opportunities}.
 *
 * @param dataDir       where the embedded MariaDB keeps its data ({@code FUNNEL_DATA_DIR})
 * @param language      the language the first start writes the shipped definitions in ({@code FUNNEL_LANGUAGE})
 * @param timeZone      the company's time zone, blank for the JVM's ({@code FUNNEL_TIME_ZONE})
 * @param adminPassword the first admin's password without demo data, blank for a random one
 */
@ConfigurationProperties("funnel")
public record FunnelProperties(@DefaultValue("./data") String dataDir, @DefaultValue("en") String language,
                               @DefaultValue("") String timeZone, @DefaultValue("") String adminPassword) {
}
