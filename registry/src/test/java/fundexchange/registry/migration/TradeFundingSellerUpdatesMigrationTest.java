package fundexchange.registry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.registry.RegistryDatabase;
import fundexchange.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V30 on a registry projected before it. The seller: a trade still awaiting funding, partly funded (its row changed
 * after the trade), shows its seller the trade's own index and execution time; every other row its last change, which
 * its seller was told of. The manager: the last change of a trade awaiting registration (its funding), of one settled
 * by its confirmation and of one failed by its refusal; none (NULL) for a trade not yet funded, one settled by staff's
 * override or failed at the registration deadline, which it was not told of.
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
            for (long trade : List.of(40960L, 45056L, 49152L, 53248L, 57344L, 61440L)) {
                long index = trade / 4096;
                boolean failed = index >= 14;
                statement.execute("""
                        INSERT INTO transfers (trade_id, listing_id, fund_code, seller, buyer, units, price, consideration,
                            percent_of_nav_bp, multiple_of_cost, status, executed_index, executed_at, failed_index,
                            failure_code)
                        VALUES (%d, 1, 'F1', 'Holder-01', 'Investor-07', 1000.00, 1.0000, 1000.00, 6667, 1.0000,
                            '%s', %d, %d, %s, %s)""".formatted(trade, failed ? "FAILED" : "PENDING_SETTLEMENT", index,
                        7_000 + index, failed ? index + 6 : "NULL", index == 14 ? 8029 : index == 15 ? 8030 : "NULL"));
            }
            statement.execute("""
                    INSERT INTO trade_funding (trade_id, fund_code, seller, buyer, manager, currency, consideration,
                        buyer_fee, seller_fee, due, funded, status, settle_by, registration_due, override_reason,
                        created_index, updated_index, updated_at) VALUES
                    (40960, 'F1', 'Holder-01', 'Investor-07', NULL, 'CNY', 1000.00, 100.00, 100.00, 1100.00, 600.00,
                        'AWAITING_FUNDING', 99000, NULL, NULL, 10, 15, 9015),
                    (45056, 'F1', 'Holder-01', 'Investor-07', 'Manager-01', 'CNY', 1000.00, 100.00, 100.00, 1100.00,
                        1100.00, 'AWAITING_REGISTRATION', 99000, 99900, NULL, 11, 16, 9016),
                    (49152, 'F1', 'Holder-01', 'Investor-07', 'Manager-01', 'CNY', 1000.00, 100.00, 100.00, 1100.00,
                        1100.00, 'SETTLED', 99000, 99900, NULL, 12, 17, 9017),
                    (53248, 'F1', 'Holder-01', 'Investor-07', 'Manager-01', 'CNY', 1000.00, 100.00, 100.00, 1100.00,
                        1100.00, 'SETTLED', 99000, 99900, 'registered off the platform', 13, 18, 9018),
                    (57344, 'F1', 'Holder-01', 'Investor-07', 'Manager-01', 'CNY', 1000.00, 100.00, 100.00, 1100.00,
                        1100.00, 'FAILED', 99000, 99900, NULL, 14, 20, 9020),
                    (61440, 'F1', 'Holder-01', 'Investor-07', 'Manager-01', 'CNY', 1000.00, 100.00, 100.00, 1100.00,
                        1100.00, 'FAILED', 99000, 99900, NULL, 15, 21, 9021)""");
        }
        RegistryDatabase.migrate(dataSource);

        List<List<Long>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT trade_id, seller_updated_index, seller_updated_at,"
                     + " manager_updated_index, manager_updated_at, updated_index FROM trade_funding ORDER BY trade_id")) {
            while (rs.next()) {
                rows.add(Arrays.asList(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class), rs.getLong(6)));
            }
        }
        assertEquals(List.of(Arrays.asList(40960L, 10L, 7_010L, null, null, 15L),
                Arrays.asList(45056L, 16L, 9_016L, 16L, 9_016L, 16L),
                Arrays.asList(49152L, 17L, 9_017L, 17L, 9_017L, 17L),
                Arrays.asList(53248L, 18L, 9_018L, null, null, 18L),
                Arrays.asList(57344L, 20L, 9_020L, 20L, 9_020L, 20L),
                Arrays.asList(61440L, 21L, 9_021L, null, null, 21L)), rows);
    }

    /** A trade awaiting funding without its transfer's execution time cannot be given one: the migration fails. */
    @Test
    void aRowAwaitingFundingWithoutItsTransferFailsTheMigration() throws SQLException {
        DataSource dataSource = new FreshDatabase().create("v30 without transfer").dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("28").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("""
                    INSERT INTO trade_funding (trade_id, fund_code, seller, buyer, manager, currency, consideration,
                        buyer_fee, seller_fee, due, funded, status, settle_by, registration_due, override_reason,
                        created_index, updated_index, updated_at) VALUES
                    (40960, 'F1', 'Holder-01', 'Investor-07', NULL, 'CNY', 1000.00, 100.00, 100.00, 1100.00, 0.00,
                        'AWAITING_FUNDING', 99000, NULL, NULL, 10, 10, 9010)""");
        }
        FlywayException failed = assertThrows(FlywayException.class, () -> RegistryDatabase.migrate(dataSource));
        assertTrue(failed.getMessage().contains("seller_updated_at"), failed.getMessage());
    }
}
