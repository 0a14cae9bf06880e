package app.funnel.database;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Tells whether Funnel runs on its embedded MariaDB or on one given by {@code SPRING_DATASOURCE_URL}. */
public final class DatabaseMode {

    private DatabaseMode() {
    }

    public static boolean isEmbedded(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
