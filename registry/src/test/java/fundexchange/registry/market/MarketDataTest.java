package fundexchange.registry.market;

import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.SetOfficialCalendar;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.read.MarketReads;
import fundexchange.registry.read.MarketReads.FundFigures;
import fundexchange.registry.read.MarketReads.GroupFigures;
import fundexchange.registry.read.MarketReads.IndexPoint;
import fundexchange.registry.read.MarketReads.IndexSeries;
import fundexchange.registry.read.RegistryReads;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Public market data against a hand-computed table (docs/rules.md, Public market data; k = 3, NAV 1.5000). The
 * journal starts on 2026-11-18 (Asia/Shanghai); each day's trades settle that day and are published at the next
 * day's first document, as of the day's close.
 *
 * <pre>
 * day         seller     units  price   consideration  % of NAV  consideration x bp
 * 2026-11-19  Holder-01  100    0.9000   90.00         60.00      540000
 * 2026-11-19  Holder-02  200    1.2000  240.00         80.00     1920000
 * 2026-11-19  Holder-03  200    1.3500  270.00         90.00     2430000
 * 2026-11-20  Holder-01  100    0.7500   75.00         50.00      375000
 * 2026-11-21  Holder-02  100    0.9000   90.00         60.00      540000
 * 2026-11-21  Holder-03  100    0.9000   90.00         60.00      540000
 * </pre>
 *
 * Each Holder-0n sells to Investor-0n: k sellers and k buyers, none above half of the consideration.
 * As of 11-19: 3 trades, 500 units, 600.00; VWAP 600/500 = 1.2000; weighted % of NAV 4890000/600 = 8150 bp, a discount
 * of 18.50%. As of 11-20 one new trade (fewer than k): the 11-19 figures stand. As of 11-21 three new trades by three
 * sellers to three buyers: 6 trades, 800 units, 855.00, VWAP 1.06875 = 1.0688 (half up), 6345000/855 = 7421.05 bp, so
 * 7421, a discount of 25.79%; the largest seller (Holder-03, 360.00) is under half of 855.00.
 */
class MarketDataTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();
    private final RegistryReads reads = new RegistryReads(dataSource);

    @TempDir
    Path data;

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void figuresFollowTheHandComputedTableAndMoveOnlyAfterKNewTradesByKSellers() {
        try (MarketJournal market = new MarketJournal(data, dataSource, 3)) {
            market.newFund("DGF9", "GROWTH", 2019, "CNY"); // same strategy and vintage, never opted in
            market.consent(FUND, true).nextDay(); // 2026-11-19
            market.trade(FUND, HOLDER, "100.00", "0.9000");
            market.trade(FUND, MarketJournal.holder(2), "200.00", "1.2000");
            market.trade(FUND, MarketJournal.holder(3), "200.00", "1.3500");
            market.trade("DGF9", MarketJournal.holder(2), "100.00", "0.3000");
            market.trade("DGF9", MarketJournal.holder(3), "100.00", "0.3000");
            market.trade("DGF9", HOLDER, "100.00", "0.3000");
            market.project();
            assertEquals(Optional.empty(), reads.market().fund(FUND), "nothing before the day's close");

            market.nextDay().project(); // 2026-11-20: the snapshot as of 11-19
            FundFigures first = new FundFigures(FUND, "Demo Growth Fund III", "GROWTH", 2019, "CNY",
                    LocalDate.parse("2026-11-19"), d("1.3500"), d("90.00"), LocalDate.parse("2026-11-19"), d("1.2000"), 3,
                    d("500.00"), d("600.00"), null, null);
            assertEquals(Optional.of(first), reads.market().fund(FUND));
            assertEquals(Optional.empty(), reads.market().fund("DGF9"), "withheld: its manager never opted in");
            assertEquals(Optional.empty(), reads.market().fund("NOPE"), "unknown reads as withheld");
            GroupFigures growth = new GroupFigures("GROWTH", "CNY", 1, 3, d("500.00"), d("600.00"), d("18.50"));
            GroupFigures vintage = new GroupFigures("2019", "CNY", 1, 3, d("500.00"), d("600.00"), d("18.50"));
            assertEquals(new MarketReads.Summary(LocalDate.parse("2026-11-19"), "Asia/Shanghai", 3, 1,
                    List.of(growth), List.of(vintage)), reads.market().summary());

            market.trade(FUND, HOLDER, "100.00", "0.7500");
            market.nextDay().project(); // 2026-11-21: as of 11-20, one new trade: the figures stand
            assertEquals(Optional.of(first), reads.market().fund(FUND));

            market.trade(FUND, MarketJournal.holder(2), "100.00", "0.9000");
            market.trade(FUND, MarketJournal.holder(3), "100.00", "0.9000");
            market.nextDay().project(); // 2026-11-22: as of 11-21, three new trades by three sellers: they move
            FundFigures moved = new FundFigures(FUND, "Demo Growth Fund III", "GROWTH", 2019, "CNY",
                    LocalDate.parse("2026-11-21"), d("0.9000"), d("60.00"), LocalDate.parse("2026-11-21"), d("1.0688"), 6,
                    d("800.00"), d("855.00"), null, null);
            assertEquals(Optional.of(moved), reads.market().fund(FUND));
            assertEquals(List.of(moved), reads.market().funds(null, 10));
            assertEquals(List.of(), reads.market().funds(FUND, 10));
            assertEquals(List.of(new IndexSeries("GROWTH", "CNY", List.of(
                    new IndexPoint(LocalDate.parse("2026-11-19"), d("18.50")),
                    new IndexPoint(LocalDate.parse("2026-11-20"), d("18.50")),
                    new IndexPoint(LocalDate.parse("2026-11-21"), d("25.79"))))), reads.market().index("GROWTH"));
            assertEquals(List.of(), reads.market().index("BUYOUT"));
        }
    }

    @Test
    void aFundOptedOutIsWithheldAndOptedBackInShowsItsLastFiguresUntilKNewTrades() {
        try (MarketJournal market = new MarketJournal(data, dataSource, 3)) {
            market.consent(FUND, true).nextDay();
            market.trade(FUND, HOLDER, "100.00", "0.9000");
            market.trade(FUND, MarketJournal.holder(2), "100.00", "0.9000");
            market.trade(FUND, MarketJournal.holder(3), "100.00", "0.9000");
            market.nextDay().project();
            FundFigures figures = reads.market().fund(FUND).orElseThrow();
            market.consent(FUND, false).nextDay().project();
            assertEquals(Optional.empty(), reads.market().fund(FUND));
            assertEquals(0, reads.market().summary().fundsPublished());
            assertEquals(List.of(), reads.market().summary().strategies());
            market.trade(FUND, HOLDER, "100.00", "0.6000");
            market.consent(FUND, true).nextDay().project();
            assertEquals(Optional.of(figures), reads.market().fund(FUND), "one new trade never shows alone");
        }
    }

    @Test
    void fewerThanKDistinctSellersPublishNothing() {
        try (MarketJournal market = new MarketJournal(data, dataSource, 3)) {
            market.consent(FUND, true).nextDay();
            for (int i = 0; i < 4; i++) {
                market.trade(FUND, i % 2 == 0 ? HOLDER : MarketJournal.holder(2), "100.00", "0.9000");
            }
            market.nextDay().project();
            assertEquals(Optional.empty(), reads.market().fund(FUND));
            assertEquals(new MarketReads.Summary(LocalDate.parse("2026-11-19"), "Asia/Shanghai", 3, 0, List.of(),
                    List.of()), reads.market().summary());
        }
    }

    /**
     * Holder-01's large trade of 11-19 dominates until it leaves the window; its sum, kept as an upper bound once a day
     * left the window (V32), still dominates what is left (990.00 of 270.00), but its exact sum in the window (90.00 of
     * 270.00) does not: the publication finds the exact sum and shows the fund. As of 2027-02-17 the window starts on
     * 11-20: 3 trades, 300 units, 270.00, VWAP 0.9000, 60.00% of NAV.
     */
    @Test
    void aFundWhoseDominantTradeLeftTheWindowIsShownWithItsFigures() {
        try (MarketJournal market = new MarketJournal(data, dataSource, 3)) {
            market.journal().approved(new SetOfficialCalendar(2027, List.of(), null));
            market.consent(FUND, true).nextDay(); // 2026-11-19
            market.trade(FUND, HOLDER, "1000.00", "0.9000");
            market.nextDay(); // 2026-11-20
            market.trade(FUND, HOLDER, "100.00", "0.9000");
            market.trade(FUND, MarketJournal.holder(2), "100.00", "0.9000");
            market.trade(FUND, MarketJournal.holder(3), "100.00", "0.9000");
            market.nextDay().project(); // as of 11-20: Holder-01 has 990.00 of 1,170.00
            assertEquals(Optional.empty(), reads.market().fund(FUND), "dominated by Holder-01 and Investor-01");

            market.journal().advance(88 * MarketJournal.DAY);
            market.nextDay().project(); // as of 2027-02-17: 11-19 left the window
            FundFigures figures = new FundFigures(FUND, "Demo Growth Fund III", "GROWTH", 2019, "CNY",
                    LocalDate.parse("2027-02-17"), d("0.9000"), d("60.00"), LocalDate.parse("2026-11-20"), d("0.9000"), 3,
                    d("300.00"), d("270.00"), null, null);
            assertEquals(LocalDate.parse("2027-02-17"), reads.market().summary().asOf());
            assertEquals(Optional.of(figures), reads.market().fund(FUND));
            assertEquals(1, reads.market().summary().fundsPublished());
        }
    }
}
