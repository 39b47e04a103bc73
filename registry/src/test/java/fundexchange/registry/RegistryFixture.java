package fundexchange.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Plain-JDBC helpers for tests: emptying the registry and tampering with it behind the projections' backs. */
public final class RegistryFixture {
    private RegistryFixture() {
    }

    /** Empties every registry table, as if the database had just been migrated. */
    public static void empty(DataSource dataSource) {
        execute(dataSource, "TRUNCATE participants, participant_keys, funds, holdings, listings, transfers, bids,"
                + " rofr_decisions, order_books, orders, projection_watermark, audit_links, audit_watermark, audit_records");
    }

    public static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
