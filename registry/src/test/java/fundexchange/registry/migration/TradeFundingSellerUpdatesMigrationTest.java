package fundexchange.registry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.registry.RegistryDatabase;
import fundexchange.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V30 on a registry projected before it: a trade still awaiting funding, partly funded (its row changed after the
 * trade), shows its seller the trade's own index and execution time; a funded trade and a settled one the row's last
 * change, which their sellers were told of.
 */
class TradeFundingSellerUpdatesMigrationTest {
    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase();

    @Test
    void rowsProjectedBeforeV30ShowTheirSellerOnlyChangesItWasToldOf() throws SQLException {
        DataSource dataSource = DATABASE.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("28").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica"); // the rows' participants, fund and listing: not needed here
            for (long trade : List.of(40960L, 45056L, 49152L)) {
                statement.execute("""
                        INSERT INTO transfers (trade_id, listing_id, fund_code, seller, buyer, units, price, consideration,
                            percent_of_nav_bp, multiple_of_cost, status, executed_index, executed_at)
                        VALUES (%d, 1, 'F1', 'Holder-01', 'Investor-07', 1000.00, 1.0000, 1000.00, 6667, 1.0000,
                            'PENDING_SETTLEMENT', %d, %d)""".formatted(trade, trade / 4096, 7_000 + trade / 4096));
            }
            statement.execute("""
                    INSERT INTO trade_funding (trade_id, fund_code, seller, buyer, manager, currency, consideration,
                        buyer_fee, seller_fee, due, funded, status, settle_by, registration_due, override_reason,
                        created_index, updated_index, updated_at) VALUES
                    (40960, 'F1', 'Holder-01', 'Investor-07', NULL, 'CNY', 1000.00, 100.00, 100.00, 1100.00, 600.00,
                        'AWAITING_FUNDING', 99000, NULL, NULL, 10, 15, 9015),
                    (45056, 'F1', 'Holder-01', 'Investor-07', NULL, 'CNY', 1000.00, 100.00, 100.00, 1100.00, 1100.00,
                        'AWAITING_REGISTRATION', 99000, 99900, NULL, 11, 16, 9016),
                    (49152, 'F1', 'Holder-01', 'Investor-07', NULL, 'CNY', 1000.00, 100.00, 100.00, 1100.00, 1100.00,
                        'SETTLED', 99000, 99900, NULL, 12, 17, 9017)""");
        }
        RegistryDatabase.migrate(dataSource);

        List<List<Long>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT trade_id, seller_updated_index, seller_updated_at, updated_index"
                     + " FROM trade_funding ORDER BY trade_id")) {
            while (rs.next()) {
                rows.add(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        assertEquals(List.of(List.of(40960L, 10L, 7_010L, 15L), List.of(45056L, 16L, 9_016L, 16L),
                List.of(49152L, 17L, 9_017L, 17L)), rows);
    }
}
