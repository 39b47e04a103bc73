package fundexchange.registry;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * A data source that fails as a restarting PostgreSQL does, when a test says so: it refuses the next connections with
 * given failures, or lets the next commit take effect on the server and then loses its answer (the connection breaks),
 * as when the server goes down between committing and replying.
 */
public final class FaultyDataSource {
    private final Deque<SQLException> refusals = new ArrayDeque<>();
    private boolean loseCommitAnswer;

    private FaultyDataSource() {
    }

    /** The wrapping data source, and its faults to script. */
    public record Wrapped(DataSource dataSource, FaultyDataSource faults) {
    }

    public static Wrapped wrap(DataSource target) {
        FaultyDataSource faults = new FaultyDataSource();
        DataSource wrapped = proxy(DataSource.class, (self, method, args) -> {
            if (method.getName().equals("getConnection")) {
                SQLException refusal = faults.nextRefusal();
                if (refusal != null) {
                    throw refusal;
                }
                return faults.connection((Connection) call(target, method, args));
            }
            return call(target, method, args);
        });
        return new Wrapped(wrapped, faults);
    }

    /** The next connections are refused with these failures, one each, in order. */
    public synchronized void refuse(List<SQLException> failures) {
        refusals.addAll(failures);
    }

    /** The next commit on any connection commits, then its connection breaks before the answer arrives. */
    public synchronized void loseNextCommitAnswer() {
        loseCommitAnswer = true;
    }

    /** Whether every scripted fault has happened. */
    public synchronized boolean spent() {
        return refusals.isEmpty() && !loseCommitAnswer;
    }

    private synchronized SQLException nextRefusal() {
        return refusals.poll();
    }

    private synchronized boolean takeCommitLoss() {
        boolean lose = loseCommitAnswer;
        loseCommitAnswer = false;
        return lose;
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, (self, method, args) -> {
            if (method.getName().equals("commit") && takeCommitLoss()) {
                real.commit();
                real.close();
                throw new PSQLException("An I/O error occurred while sending to the backend.",
                        PSQLState.CONNECTION_FAILURE, new SocketException("Connection reset"));
            }
            return call(real, method, args);
        });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
