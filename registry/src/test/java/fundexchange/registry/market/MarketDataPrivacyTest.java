package fundexchange.registry.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.SetOfficialCalendar;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import fundexchange.registry.read.MarketReads;
import fundexchange.registry.read.MarketReads.FundFigures;
import fundexchange.registry.read.MarketReads.GroupFigures;
import fundexchange.registry.read.RegistryReads;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A property over random markets (seeded, so deterministic): whatever the trades and the managers' consents, no public
 * read names a participant or a trade, and nothing is published below k = 3: not a fund's figures (checked against
 * the trades the test made), not by subtracting published funds from a group, and not by comparing one day's snapshot
 * with the next (a fund's figures move only over at least k new trades by k distinct sellers and buyers, none of them
 * with more than half of the new trades' consideration).
 */
class MarketDataPrivacyTest {
    private static final int K = 3;
    private static final int HOLDERS = 5;
    private static final int DAYS = 14;
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-11-18");
    private static final Map<String, String> STRATEGY = Map.of(TestJournal.FUND, "GROWTH", "DGF7", "GROWTH", "DGB1", "BUYOUT");
    private static final List<String> PRICES = List.of("0.6000", "0.7500", "0.9100", "1.0000", "1.2300", "1.3700");
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();
    private final RegistryReads reads = new RegistryReads(dataSource);

    @TempDir
    Path data;

    /** A trade the test made: settled on {@code day}. */
    private record Trade(long id, String fund, String seller, LocalDate day, BigDecimal units, BigDecimal consideration) {
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 23, 1999})
    void noPublicReadNamesAnyoneOrPublishesBelowK(long seed) {
        randomMarket(seed, false);
    }

    /**
     * The same over days that leave the 90-day window: every other day is followed by a gap of 12 to 41 days without
     * a document, so the daily publication takes several days off the window's running sums at once.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 2027})
    void noPublicReadPublishesBelowKAsTradesLeaveTheWindow(long seed) {
        randomMarket(seed, true);
    }

    private void randomMarket(long seed, boolean gaps) {
        Random random = new Random(seed);
        List<Trade> trades = new ArrayList<>();
        Map<String, Boolean> consent = new TreeMap<>();
        Map<String, LocalDate> lastMoved = new HashMap<>();
        try (MarketJournal market = new MarketJournal(data, dataSource, HOLDERS)) {
            market.newFund("DGF7", "GROWTH", 2020, "CNY").newFund("DGB1", "BUYOUT", 2019, "CNY");
            if (gaps) { // the gaps run into the next years, whose business days need an official calendar
                market.journal().approved(new SetOfficialCalendar(2027, List.of(), null));
                market.journal().approved(new SetOfficialCalendar(2028, List.of(), null));
            }
            LocalDate day = FIRST_DAY;
            for (int d = 0; d < DAYS; d++) {
                for (String fund : STRATEGY.keySet().stream().sorted().toList()) {
                    if (random.nextInt(5) == 0 || d == 0) {
                        boolean publish = d == 0 ? random.nextInt(4) != 0 : !consent.getOrDefault(fund, false);
                        market.consent(fund, publish);
                        consent.put(fund, publish);
                    }
                    int count = random.nextInt(4);
                    for (int t = 0; t < count; t++) {
                        int h = 1 + random.nextInt(random.nextBoolean() ? 2 : HOLDERS);
                        String seller = h == 1 ? TestJournal.HOLDER : MarketJournal.holder(h);
                        String price = PRICES.get(random.nextInt(PRICES.size()));
                        long id = market.trade(fund, seller, "100.00", price);
                        trades.add(new Trade(id, fund, seller, day, new BigDecimal("100.00"),
                                new BigDecimal("100.00").multiply(new BigDecimal(price)).setScale(2)));
                    }
                }
                int gap = gaps && d % 2 == 1 ? 12 + random.nextInt(30) : 0;
                market.journal().advance(gap * MarketJournal.DAY);
                day = day.plusDays(gap);
                market.nextDay().project();
                day = day.plusDays(1);
                check(day.minusDays(1), trades, consent, lastMoved);
                RunningSums.areThoseOfTheDailyRows(dataSource);
                RunningSums.leftNoDominatingBound(dataSource);
            }
            if (gaps) {
                assertTrue(day.isAfter(FIRST_DAY.plusDays(MarketSnapshot.WINDOW_DAYS)), "the first days left the window");
            }
        }
    }

    /**
     * One large trade and k-1 tiny ones by k new sellers and k new buyers would move the figures, and the change would be
     * that one trade: the figures move only when no single seller or buyer has more than half of the consideration settled
     * since they last moved, so the old figures stand.
     */
    @Test
    void aDominantTradeAmongTheNewOnesLeavesTheFiguresWhereTheyWere() {
        try (MarketJournal market = new MarketJournal(data, dataSource, 4)) {
            market.consent(TestJournal.FUND, true);
            for (int h = 2; h <= 4; h++) {
                market.trade(TestJournal.FUND, MarketJournal.holder(h), "1000.00", "1.0000");
            }
            market.nextDay().project();
            FundFigures before = reads.market().fund(TestJournal.FUND).orElseThrow();
            assertEquals(FIRST_DAY, before.figuresAsOf());
            assertEquals(0, new BigDecimal("3000").compareTo(before.consideration90()), before.toString());

            market.trade(TestJournal.FUND, TestJournal.HOLDER, "2400.00", "1.2345");
            market.trade(TestJournal.FUND, MarketJournal.holder(2), "100.00", "0.0100");
            market.trade(TestJournal.FUND, MarketJournal.holder(3), "100.00", "0.0100");
            market.nextDay().project();
            MarketReads after = reads.market();
            assertEquals(FIRST_DAY.plusDays(1), after.summary().asOf());
            assertEquals(Optional.of(before), after.fund(TestJournal.FUND), "the old figures stand");
        }
    }

    private void check(LocalDate asOf, List<Trade> trades, Map<String, Boolean> consent, Map<String, LocalDate> lastMoved) {
        MarketReads market = reads.market();
        MarketReads.Summary summary = market.summary();
        assertEquals(asOf, summary.asOf());
        List<FundFigures> shown = new ArrayList<>();
        String cursor = null;
        do {
            List<FundFigures> page = market.funds(cursor, 2);
            shown.addAll(page);
            cursor = page.size() == 2 ? page.getLast().fundCode() : null;
        } while (cursor != null);
        String everything = summary + " " + shown + " " + market.index(null);
        noOneNamed(everything, trades);

        Set<String> shownCodes = new HashSet<>();
        for (FundFigures f : shown) {
            shownCodes.add(f.fundCode());
            assertEquals(Optional.of(f), market.fund(f.fundCode()));
            assertTrue(consent.get(f.fundCode()), f.fundCode() + " is shown only while opted in");
            List<Trade> window = trades.stream().filter(t -> t.fund().equals(f.fundCode())
                    && !t.day().isBefore(f.figuresAsOf().minusDays(89)) && !t.day().isAfter(f.figuresAsOf())).toList();
            assertEquals(window.size(), f.tradeCount90(), f.toString());
            assertTrue(window.size() >= K, f.toString());
            assertTrue(window.stream().map(Trade::seller).distinct().count() >= K, "k distinct sellers behind " + f);
            assertTrue(window.stream().map(t -> MarketJournal.buyer(t.seller())).distinct().count() >= K,
                    "k distinct buyers behind " + f);
            BigDecimal total = sum(window, Trade::consideration);
            for (String party : window.stream().flatMap(t -> java.util.stream.Stream.of(t.seller(),
                    MarketJournal.buyer(t.seller()))).distinct().toList()) {
                BigDecimal own = sum(window.stream().filter(t -> t.seller().equals(party)
                        || MarketJournal.buyer(t.seller()).equals(party)).toList(), Trade::consideration);
                assertTrue(own.multiply(BigDecimal.TWO).compareTo(total) <= 0, party + " dominates " + f);
            }
            assertEquals(sum(window, Trade::units), f.volumeUnits90());
            assertEquals(sum(window, Trade::consideration), f.consideration90());
            LocalDate before = lastMoved.get(f.fundCode());
            if (before != null && !before.equals(f.figuresAsOf())) {
                List<Trade> fresh = trades.stream().filter(t -> t.fund().equals(f.fundCode())
                        && t.day().isAfter(before) && !t.day().isAfter(f.figuresAsOf())).toList();
                assertTrue(fresh.size() >= K && fresh.stream().map(Trade::seller).distinct().count() >= K,
                        "successive snapshots of " + f.fundCode() + " differ by " + fresh);
                BigDecimal freshTotal = sum(fresh, Trade::consideration);
                for (Trade t : fresh) {
                    for (String party : List.of(t.seller(), MarketJournal.buyer(t.seller()))) {
                        BigDecimal own = sum(fresh.stream().filter(o -> o.seller().equals(party)
                                || MarketJournal.buyer(o.seller()).equals(party)).toList(), Trade::consideration);
                        assertTrue(own.multiply(BigDecimal.TWO).compareTo(freshTotal) <= 0,
                                party + " dominates the change of " + f.fundCode() + ": " + fresh);
                    }
                }
            }
            lastMoved.put(f.fundCode(), f.figuresAsOf());
        }
        assertEquals(eligible(asOf, trades, consent), new java.util.TreeSet<>(shownCodes), "the funds shown as of " + asOf);
        for (String fund : STRATEGY.keySet()) {
            if (!shownCodes.contains(fund)) {
                assertEquals(Optional.empty(), market.fund(fund), "withheld reads as unknown");
            }
        }
        assertEquals(Optional.empty(), market.fund("NOPE"));
        assertEquals(shown.size(), summary.fundsPublished());
        // Each group is exactly the sum of its published funds: subtracting them leaves nothing of a withheld one.
        for (GroupFigures group : summary.strategies()) {
            List<FundFigures> members = shown.stream().filter(f -> f.strategy().equals(group.name())).toList();
            assertFalse(members.isEmpty(), group.toString());
            assertEquals(members.size(), group.funds());
            assertEquals(members.stream().mapToLong(FundFigures::tradeCount90).sum(), group.tradeCount());
            assertEquals(members.stream().map(FundFigures::volumeUnits90).reduce(BigDecimal.ZERO, BigDecimal::add),
                    group.volumeUnits());
            assertEquals(members.stream().map(FundFigures::consideration90).reduce(BigDecimal.ZERO, BigDecimal::add),
                    group.consideration());
        }
        assertEquals(shown.stream().map(FundFigures::strategy).distinct().count(), summary.strategies().size());
    }

    /**
     * The funds that must be shown as of {@code asOf}, computed from the trades the test made: opted in, with at least k
     * trades by k distinct sellers and k distinct buyers in the window, no one of them with more than half of its
     * consideration.
     */
    private static Set<String> eligible(LocalDate asOf, List<Trade> trades, Map<String, Boolean> consent) {
        Set<String> eligible = new java.util.TreeSet<>();
        for (String fund : STRATEGY.keySet()) {
            List<Trade> window = trades.stream().filter(t -> t.fund().equals(fund)
                    && !t.day().isBefore(asOf.minusDays(MarketSnapshot.WINDOW_DAYS - 1L)) && !t.day().isAfter(asOf))
                    .toList();
            List<String> sellers = window.stream().map(Trade::seller).distinct().toList();
            List<String> buyers = sellers.stream().map(MarketJournal::buyer).toList();
            BigDecimal total = sum(window, Trade::consideration);
            boolean dominated = sellers.stream().anyMatch(party -> sum(window.stream()
                    .filter(t -> t.seller().equals(party)).toList(), Trade::consideration)
                    .multiply(BigDecimal.TWO).compareTo(total) > 0);
            if (consent.getOrDefault(fund, false) && window.size() >= K && sellers.size() >= K && buyers.size() >= K
                    && !dominated) {
                eligible.add(fund);
            }
        }
        return eligible;
    }

    private static void noOneNamed(String everything, List<Trade> trades) {
        for (String name : List.of("Holder", "Investor", "Manager", "Staff", "Regulator", "Demo LP", "Demo S Fund")) {
            assertFalse(everything.contains(name), "a public read names " + name + ": " + everything);
        }
        Set<String> tokens = new HashSet<>(List.of(everything.split("[^0-9.]+")));
        for (Trade trade : trades) {
            assertFalse(tokens.contains(Long.toString(trade.id())), "a public read carries trade id " + trade.id());
        }
    }

    private static BigDecimal sum(List<Trade> trades, java.util.function.Function<Trade, BigDecimal> amount) {
        return trades.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
