package fundexchange.registry.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.junit.jupiter.api.Test;

public class TransientFailureTest {
    /** A FATAL error as the server sends it and the driver raises it. */
    public static PSQLException server(String sqlState, String message) {
        return new PSQLException(new org.postgresql.util.ServerErrorMessage("SFATAL\u0000C" + sqlState + "\u0000M" + message));
    }

    private static DataAccessException jooq(SQLException cause) {
        return new DataAccessException("SQL [update ...]; " + cause.getMessage(), cause);
    }

    @Test
    void restartAndConnectionLossAreTransientEverythingElseIsNot() {
        Map<String, Throwable> failures = new LinkedHashMap<>();
        failures.put("admin shutdown", jooq(TransientFailureTest.server("57P01", "terminating connection due to administrator command")));
        failures.put("crash shutdown", jooq(new SQLException("terminating connection because of crash of another server process", "57P02")));
        failures.put("starting up", jooq(server("57P03", "the database system is starting up")));
        failures.put("refused", jooq(new PSQLException("Connection to localhost:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        failures.put("i/o", new IllegalStateException("batch failed", jooq(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new EOFException()))));
        failures.put("closed", jooq(new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST)));
        failures.put("too many", jooq(new SQLException("sorry, too many clients already", "53300")));
        failures.put("transient class", jooq(new SQLTransientConnectionException("timed out")));
        failures.put("recoverable class", new SQLRecoverableException("gone", "08S01"));
        failures.put("io cause", jooq(new SQLException("socket broke", null, new java.net.SocketException("reset"))));
        failures.put("unique", jooq(new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION)));
        failures.put("check in batch", jooq(new BatchUpdateException("violates check constraint", "23514", new int[0])));
        failures.put("database dropped", jooq(new SQLException("database dropped", "57P04")));
        failures.put("bug", new IllegalStateException("the watermark moved under this projector"));
        failures.put("halted", new ProjectionHalted(7, "x", jooq(new SQLException("x", "23505"))));

        Map<String, Optional<String>> states = new LinkedHashMap<>();
        failures.forEach((name, failure) -> states.put(name, TransientFailure.sqlState(failure)));
        Map<String, Optional<String>> expected = new LinkedHashMap<>();
        expected.put("admin shutdown", Optional.of("57P01"));
        expected.put("crash shutdown", Optional.of("57P02"));
        expected.put("starting up", Optional.of("57P03"));
        expected.put("refused", Optional.of("08001"));
        expected.put("i/o", Optional.of("08006"));
        expected.put("closed", Optional.of("08003"));
        expected.put("too many", Optional.of("53300"));
        expected.put("transient class", Optional.of("08000"));
        expected.put("recoverable class", Optional.of("08S01"));
        expected.put("io cause", Optional.of("08000"));
        expected.put("unique", Optional.empty());
        expected.put("check in batch", Optional.empty());
        expected.put("database dropped", Optional.empty());
        expected.put("bug", Optional.empty());
        expected.put("halted", Optional.empty());
        assertEquals(expected, states);
    }

    @Test
    void backoffDoublesFromTheFirstDelayUpToTheCap() {
        Backoff backoff = Backoff.capped(Duration.ofMillis(100), Duration.ofSeconds(5));
        long[] millis = new long[9];
        for (int failures = 1; failures <= 9; failures++) {
            millis[failures - 1] = backoff.delay(failures).toMillis();
        }
        assertEquals("[100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000]", java.util.Arrays.toString(millis));
        assertEquals(Duration.ofSeconds(5), backoff.delay(Integer.MAX_VALUE));
        assertEquals(Backoff.DEFAULT.delay(3), backoff.delay(3));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0));
        assertThrows(IllegalArgumentException.class, () -> Backoff.capped(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
