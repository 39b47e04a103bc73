package fundexchange.registry.projector;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The data source of a {@link ProjectorChild}: its connections count the statements executed inside transactions
 * and the commits, and at the {@link PausePoint} print {@code paused <point> backend <pid>} (the PostgreSQL backend
 * serving the connection) and park the calling thread for good, so that the test can see the transaction from the
 * database's side and kill the process exactly there.
 */
final class PausingDataSource {
    private final PausePoint point;
    private int statements;
    private int commits;

    private PausingDataSource(PausePoint point) {
        this.point = point;
    }

    static DataSource wrap(DataSource target, PausePoint point) {
        PausingDataSource counter = new PausingDataSource(point);
        return proxy(DataSource.class, (self, method, args) -> {
            Object result = call(target, method, args);
            return method.getName().equals("getConnection") ? counter.connection((Connection) result) : result;
        });
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, (self, method, args) -> switch (method.getName()) {
            case "commit" -> {
                reached(PausePoint.Kind.BEFORE_COMMIT, ++commits, real);
                call(real, method, args);
                reached(PausePoint.Kind.AFTER_COMMIT, commits, real);
                yield null;
            }
            case "createStatement", "prepareStatement", "prepareCall" -> statement(method.getReturnType(), call(real, method, args), real);
            default -> call(real, method, args);
        });
    }

    private Object statement(Class<?> type, Object real, Connection connection) {
        return proxy(type, (self, method, args) -> {
            Object result = call(real, method, args);
            if (method.getName().startsWith("execute") && !connection.getAutoCommit()) {
                reached(PausePoint.Kind.AFTER_STATEMENT, ++statements, connection);
            }
            return result;
        });
    }

    private void reached(PausePoint.Kind kind, int count, Connection connection) throws SQLException {
        if (point.kind() != kind || point.n() != count) {
            return;
        }
        System.out.println("paused " + point + " backend " + connection.unwrap(PGConnection.class).getBackendPID());
        System.out.flush();
        while (true) {
            LockSupport.park(); // until kill -9
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(PausingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
