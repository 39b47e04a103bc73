package fundexchange.registry.tail;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database failure that passes by itself (the server restarting, a lost connection) from one that does not.
 * Transient: SQLState class 08 (connection exception), 57P01 (admin shutdown: a fast shutdown or
 * {@code pg_terminate_backend}), 57P02 (crash shutdown), 57P03 (cannot connect now: starting up or shutting down),
 * 53300 (too many connections), a {@link SQLTransientConnectionException} or {@link SQLRecoverableException}, and an
 * {@link SQLException} caused by an {@link IOException} (the socket broke). Everything else, constraint failures
 * included, is not.
 */
public final class TransientFailure {
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final int MAX_DEPTH = 32;

    private TransientFailure() {
    }

    /** Whether {@code failure}, or any of its causes, is a transient database failure. */
    public static boolean is(Throwable failure) {
        return sqlState(failure).isPresent();
    }

    /**
     * The SQLState of the transient database failure in {@code failure}'s causes ({@code "08000"} for one
     * reported without a state); empty when the failure is not transient.
     */
    public static Optional<String> sqlState(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                    return Optional.of(state);
                }
                if (sql instanceof SQLTransientConnectionException || sql instanceof SQLRecoverableException
                        || sql.getCause() instanceof IOException) {
                    return Optional.of(state == null ? "08000" : state);
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
