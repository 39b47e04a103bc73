package fundexchange.gateway.http;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a registry (PostgreSQL) that cannot be reached from a bug: a failure caused by a connection problem
 * (SQLState class 08, 53 insufficient resources, 57P operator intervention, or a transient or recoverable
 * exception) is answered 503 with code 125; any other failure stays a 500.
 */
final class RegistryFailure {
    private RegistryFailure() {
    }

    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("53")
                    || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
