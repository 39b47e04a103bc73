package fundexchange.registry;

import fundexchange.testsupport.FreshDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving its test class a fresh database with the registry's schema, emptied before each test (as if
 * just migrated). Register it as {@code @RegisterExtension static final MigratedRegistry REGISTRY = new MigratedRegistry();}.
 */
public final class MigratedRegistry implements BeforeAllCallback, BeforeEachCallback {
    private final FreshDatabase database = new FreshDatabase();
    private DataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        database.beforeAll(context);
        dataSource = database.dataSource();
        RegistryDatabase.migrate(dataSource);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RegistryFixture.empty(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The database itself (its URL and credentials, for a child process). */
    public FreshDatabase database() {
        return database;
    }
}
