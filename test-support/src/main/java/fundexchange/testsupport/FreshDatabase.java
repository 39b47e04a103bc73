package fundexchange.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JUnit extension giving its test class a fresh, empty database on the shared {@link PostgresServer}.
 * Register it as {@code @RegisterExtension static final FreshDatabase DB = new FreshDatabase();}.
 */
public final class FreshDatabase implements BeforeAllCallback {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private PostgresServer server;
    private String name;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        create(context.getRequiredTestClass().getSimpleName());
    }

    /** Creates the database now; for use outside JUnit's lifecycle. */
    public FreshDatabase create(String label) throws SQLException {
        server = PostgresServer.shared();
        name = ("t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet() + "_"
                + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return this;
    }

    public String url() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public String source() {
        return server.source();
    }

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        dataSource.setReWriteBatchedInserts(true); // as RegistryDatabase.dataSource: the projector batches inserts
        dataSource.setUser(user());
        dataSource.setPassword(password());
        return dataSource;
    }
}
