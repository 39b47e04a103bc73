package fundexchange.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Plain-JDBC helpers for tests: emptying the registry and tampering with it behind the projections' backs. */
public final class RegistryFixture {
    private RegistryFixture() {
    }

    /** Empties every registry table (all but Flyway's history), as if the database had just been migrated. */
    public static void empty(DataSource dataSource) {
        execute(dataSource, "DO $$ DECLARE tables text; BEGIN"
                + " SELECT string_agg(quote_ident(tablename), ', ') INTO tables FROM pg_tables"
                + " WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history';"
                + " EXECUTE 'TRUNCATE ' || tables; END $$");
    }

    public static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
