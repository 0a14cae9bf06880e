package app.funnel.base;

/**
 * Whether a failure means that the database cannot be reached (stopped, restarting, gone), as
 * opposed to a refusal or a bug: the UI says "the database is restarting", an import says it was cut
 * off. The driver and Spring report it in several forms, somewhere in the cause chain.
 */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    public static boolean is(Throwable problem) {
        return Causes.of(problem).anyMatch(DatabaseAway::connectionLost);
    }

    private static boolean connectionLost(Throwable t) {
        if (t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                || t instanceof org.springframework.transaction.CannotCreateTransactionException
                || t instanceof org.springframework.dao.DataAccessResourceFailureException
                || t instanceof org.springframework.dao.RecoverableDataAccessException
                || t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof java.net.ConnectException
                || t instanceof java.io.EOFException) {
            return true;
        }
        // SQL state class 08 is "connection exception"; the pool's proxy says its connection was closed
        return t instanceof java.sql.SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                || "Connection is closed".equals(sql.getMessage()));
    }
}
