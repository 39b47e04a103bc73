package fundexchange.registry.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.registry.RegistryFixture;
import fundexchange.testsupport.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V29 fills the running sums from a V28 registry's per-day rows: the window from the last snapshot's window start, and
 * since each fund's figures last moved, including trades settled after the snapshot day and a fund whose figures moved;
 * V32 marks every party's window sum as summed from that window start, and counts each day's sellers and buyers whose
 * last day it is.
 */
class RunningSumsMigrationTest {
    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase();

    @Test
    void theBackfilledRunningSumsAreThoseOfTheDailyRows() {
        DataSource dataSource = DATABASE.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("28").load().migrate();
        // The snapshot as of 2026-06-30: its window began 2026-04-02. Demo-A never moved; Demo-B moved as of 06-20.
        RegistryFixture.execute(dataSource, "INSERT INTO market_state (id, day, as_of, k, zone, published_k,"
                + " published_zone, funds_published) VALUES (1, DATE '2026-07-01', DATE '2026-06-30', 3,"
                + " 'Asia/Shanghai', 3, 'Asia/Shanghai', 1)");
        RegistryFixture.execute(dataSource, "INSERT INTO market_published_funds (fund_code, shown, moved_as_of, trades,"
                + " units, consideration, weighted_pct, last_price, last_pct_bp, last_trade_date) VALUES ('Demo-B', true,"
                + " DATE '2026-06-20', 3, 300.00, 300.00, 0.00, 1.0000, 10000, DATE '2026-06-20')");
        RegistryFixture.execute(dataSource, """
                INSERT INTO market_fund_party_days (fund_code, side, party, day, consideration) VALUES
                ('Demo-A', 'S', 'Holder-1', DATE '2026-03-01', 9000.00),
                ('Demo-A', 'B', 'Investor-1', DATE '2026-03-01', 9000.00),
                ('Demo-A', 'S', 'Holder-1', DATE '2026-04-02', 100.00),
                ('Demo-A', 'B', 'Investor-2', DATE '2026-04-02', 100.00),
                ('Demo-A', 'S', 'Holder-2', DATE '2026-05-10', 250.00),
                ('Demo-A', 'B', 'Investor-3', DATE '2026-05-10', 250.00),
                ('Demo-A', 'S', 'Holder-3', DATE '2026-06-30', 120.00),
                ('Demo-A', 'B', 'Investor-2', DATE '2026-06-30', 120.00),
                ('Demo-A', 'S', 'Holder-4', DATE '2026-07-01', 700.00),
                ('Demo-A', 'B', 'Investor-4', DATE '2026-07-01', 700.00),
                ('Demo-B', 'S', 'Holder-5', DATE '2026-02-01', 50.00),
                ('Demo-B', 'B', 'Investor-5', DATE '2026-02-01', 50.00),
                ('Demo-B', 'S', 'Holder-5', DATE '2026-06-10', 400.00),
                ('Demo-B', 'B', 'Investor-6', DATE '2026-06-10', 400.00),
                ('Demo-B', 'S', 'Holder-6', DATE '2026-06-20', 80.00),
                ('Demo-B', 'B', 'Investor-5', DATE '2026-06-20', 80.00),
                ('Demo-B', 'S', 'Holder-7', DATE '2026-06-25', 60.00),
                ('Demo-B', 'B', 'Investor-7', DATE '2026-06-25', 60.00),
                ('Demo-B', 'S', 'Holder-5', DATE '2026-07-01', 90.00),
                ('Demo-B', 'B', 'Investor-8', DATE '2026-07-01', 90.00),
                ('Demo-C', 'S', 'Holder-8', DATE '2026-01-15', 30.00),
                ('Demo-C', 'B', 'Investor-9', DATE '2026-01-15', 30.00)
                """);
        // One trade a seller's row here: a fund's day sums its sellers' rows.
        RegistryFixture.execute(dataSource, "INSERT INTO market_fund_days (fund_code, day, trades, units, consideration,"
                + " weighted_pct) SELECT fund_code, day, count(*), sum(consideration), sum(consideration),"
                + " sum(consideration) * 10000 FROM market_fund_party_days WHERE side = 'S' GROUP BY fund_code, day");
        RegistryFixture.execute(dataSource, "INSERT INTO market_fund_sellers (fund_code, seller, last_day) SELECT"
                + " fund_code, party, max(day) FROM market_fund_party_days WHERE side = 'S' GROUP BY fund_code, party");
        RegistryFixture.execute(dataSource, "INSERT INTO market_fund_buyers (fund_code, buyer, last_day) SELECT"
                + " fund_code, party, max(day) FROM market_fund_party_days WHERE side = 'B' GROUP BY fund_code, party");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("29").load().migrate();

        assertEquals("2026-04-02 3", single(dataSource, "SELECT s.window_from || ' ' || (SELECT count(*)"
                + " FROM market_fund_sums) FROM market_state s"));
        assertEquals("Demo-A:4:5:700.00 Demo-B:4:2:490.00 Demo-C:0:1:0.00", single(dataSource, "SELECT string_agg("
                + "fund_code || ':' || trades || ':' || since_trades || ':' || dominant, ' ' ORDER BY fund_code)"
                + " FROM market_fund_sums"));

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("32").load().migrate();

        // V32: every party's window sum was summed from the snapshot's window start, as the running sums below check.
        assertEquals("2026-04-02 17", single(dataSource, "SELECT string_agg(DISTINCT CAST(summed_from AS VARCHAR), ',')"
                + " || ' ' || count(*) FROM market_fund_parties"));
        // and each day counts the sellers and buyers whose last day it is: 8 sellers and 9 buyers in all
        assertEquals("8 9", single(dataSource, "SELECT sum(last_sellers) || ' ' || sum(last_buyers) FROM market_fund_days"));
        RunningSums.areThoseOfTheDailyRows(dataSource);
    }

    private static String single(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
