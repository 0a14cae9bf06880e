package app.funnel.database;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns "cannot connect" at start into one line that names the URL tried, instead of a stack trace.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        boolean connection = (state != null && state.startsWith("08"))
                || String.valueOf(cause.getMessage()).contains("Socket fail to connect")
                || String.valueOf(cause.getMessage()).contains("Could not connect");
        if (!connection) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(embedded MariaDB)");
        return new FailureAnalysis(
                "Cannot reach the database at " + url + ": " + firstLine(cause.getMessage()),
                "Check that MariaDB runs at that address and that SPRING_DATASOURCE_URL, "
                        + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD are right; "
                        + "unset SPRING_DATASOURCE_URL to use the embedded MariaDB.",
                cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
