package fundexchange.engine.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.LegalForm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: on random populations the indexed {@link IntentMatcher} returns exactly the ranked proposals of
 * {@link BruteForceMatcher}, for new offers and for new intents, with ties, removals, participant rules and open
 * auctions as extra asks.
 */
class IntentMatcherPropertyTest {
    private static final String[] STRATEGIES = {"GROWTH", "BUYOUT", "VENTURE", "CREDIT"};
    private static final String[] CURRENCIES = {"CNY", "USD"};
    private static final String[] MANAGERS = {"Manager-A", "Manager-B", "Manager-C"};
    private static final int UNLIMITED = Integer.MAX_VALUE;

    /** One random world: funds, the resting population in an index, and the participant rules. */
    private static final class World {
        final Random random;
        final Map<String, Fund> funds = new TreeMap<>();
        final IntentMatcher matcher;
        final Set<String> unqualified = new HashSet<>();
        final Set<String> cannotSell = new HashSet<>();
        final Eligibility eligibility = new Eligibility() {
            @Override
            public boolean buyer(String investor, Fund fund) {
                return !unqualified.contains(investor + "|" + fund.fundCode());
            }

            @Override
            public boolean seller(String holder, Fund fund) {
                return !cannotSell.contains(holder);
            }
        };
        long nextId = 1;

        World(long seed) {
            random = new Random(seed);
            for (int i = 0; i < 12; i++) {
                String code = "F" + i;
                Price nav = random.nextBoolean() ? Price.of("1.0000") : new Price(5_000 + random.nextInt(20_000));
                funds.put(code, new Fund(code, "Fund " + i, pick(MANAGERS), pick(STRATEGIES), 2012 + random.nextInt(11),
                        pick(CURRENCIES), LegalForm.values()[random.nextInt(3)], CustodyMode.PARTIAL, 50, 1, 0, nav,
                        "2026-09-30", Units.ZERO, false));
            }
            matcher = new IntentMatcher(funds::get);
            for (int i = 0; i < 8; i++) {
                unqualified.add("I" + random.nextInt(20) + "|F" + random.nextInt(12));
            }
            cannotSell.add("H" + random.nextInt(10));
        }

        <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        String fundCode() {
            return "F" + random.nextInt(funds.size());
        }

        /** Coarse basis points, so that many items tie on the dominant key. */
        long basisPoints() {
            return 5_000 + 250L * random.nextInt(25);
        }

        Want want() {
            long id = nextId++;
            String investor = random.nextInt(10) == 0 ? "H" + random.nextInt(10) : "I" + random.nextInt(20);
            long max = 1_000_00L * (1 + random.nextInt(200));
            long min = random.nextInt(3) == 0 ? 0 : random.nextLong(max + 1);
            List<String> fundCodes = List.of();
            IntentCriteria criteria = null;
            if (random.nextBoolean()) {
                TreeSet<String> codes = new TreeSet<>();
                for (int i = random.nextInt(3); i >= 0; i--) {
                    codes.add(fundCode());
                }
                fundCodes = List.copyOf(codes);
            } else {
                TreeSet<String> strategies = new TreeSet<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    strategies.add(pick(STRATEGIES));
                }
                Integer from = random.nextInt(3) == 0 ? null : 2010 + random.nextInt(12);
                Integer to = from == null || random.nextInt(4) == 0 ? null : from + random.nextInt(random.nextBoolean() ? 4 : 15);
                criteria = new IntentCriteria(List.copyOf(strategies), from, to,
                        random.nextInt(3) == 0 ? pick(CURRENCIES) : null, random.nextInt(5) == 0 ? pick(MANAGERS) : null,
                        random.nextInt(5) == 0 ? LegalForm.values()[random.nextInt(3)] : null);
            }
            return new Want(id, investor, fundCodes, criteria, new Money(min), new Money(max), basisPoints(),
                    random.nextInt(4) == 0 ? id - random.nextInt((int) Math.min(id, 5)) : id);
        }

        Ask ask(AskKind kind) {
            long id = nextId++;
            String code = fundCode();
            Fund fund = funds.get(code);
            long bp = basisPoints();
            Price price = new Price(Math.max(1, fund.nav().raw() * bp / 10_000));
            long lotMax = 100_00L * (1 + random.nextInt(500));
            long lotMin = kind == AskKind.LISTING ? lotMax : Math.min(lotMax, 100_00L * (1 + random.nextInt(50)));
            String seller = random.nextInt(10) == 0 ? "I" + random.nextInt(20) : "H" + random.nextInt(10);
            return new Ask(id, kind, code, seller, price, Compatibility.percentOfNav(price, fund.nav()), new Units(lotMin),
                    new Units(lotMax), id);
        }
    }

    @Test
    void theIndexedMatcherReturnsExactlyTheBruteForceRankingOnRandomPopulations() {
        int compared = 0;
        int nonEmpty = 0;
        for (long seed = 1; seed <= 30; seed++) {
            World w = new World(seed);
            List<Long> wantIds = new ArrayList<>();
            List<Long> askIds = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Want want = w.want();
                w.matcher.add(want);
                wantIds.add(want.id());
                Ask ask = w.ask(AskKind.OFFER);
                w.matcher.add(ask);
                askIds.add(ask.id());
            }
            for (int i = 0; i < 60; i++) {
                w.matcher.removeWant(wantIds.get(w.random.nextInt(wantIds.size())));
                w.matcher.removeAsk(askIds.get(w.random.nextInt(askIds.size())));
            }
            for (int round = 0; round < 40; round++) {
                int k = new int[] {1, 3, 10, 25}[w.random.nextInt(4)];
                Ask ask = w.ask(w.random.nextInt(5) == 0 ? AskKind.LISTING : AskKind.OFFER);
                MatchResult indexed = w.matcher.matchAsk(ask, k, UNLIMITED, w.eligibility);
                MatchResult brute = BruteForceMatcher.matchAsk(ask, w.matcher.wants(), w.funds::get, k, w.eligibility);
                assertEquals(brute.ranked(), indexed.ranked(), "seed " + seed + " round " + round + ": new ask " + ask);
                assertFalse(indexed.truncated());
                assertTrue(indexed.examined() <= brute.examined());
                nonEmpty += indexed.ranked().isEmpty() ? 0 : 1;

                Want want = w.want();
                List<Ask> auctions = new ArrayList<>();
                for (int i = w.random.nextInt(4); i > 0; i--) {
                    auctions.add(w.ask(AskKind.LISTING));
                }
                List<Ask> everything = new ArrayList<>(w.matcher.asks());
                everything.addAll(auctions);
                MatchResult indexedWant = w.matcher.matchWant(want, auctions, k, UNLIMITED, w.eligibility);
                MatchResult bruteWant = BruteForceMatcher.matchWant(want, everything, w.funds::get, k, w.eligibility);
                assertEquals(bruteWant.ranked(), indexedWant.ranked(), "seed " + seed + " round " + round + ": new intent " + want);
                nonEmpty += indexedWant.ranked().isEmpty() ? 0 : 1;
                compared += 2;
            }
        }
        assertTrue(nonEmpty > compared / 3, "the populations produce matches: " + nonEmpty + " of " + compared);
    }

    @Test
    void theScanLimitBoundsTheWalkAndTheResultStaysDeterministic() {
        World w = new World(99);
        for (int i = 0; i < 2_000; i++) {
            w.matcher.add(w.want());
        }
        for (int round = 0; round < 50; round++) {
            Ask ask = w.ask(AskKind.OFFER);
            MatchResult first = w.matcher.matchAsk(ask, 10, 25, w.eligibility);
            assertTrue(first.examined() <= 25, "examined " + first.examined());
            assertEquals(first, w.matcher.matchAsk(ask, 10, 25, w.eligibility));
            MatchResult full = w.matcher.matchAsk(ask, 10, UNLIMITED, w.eligibility);
            if (!first.truncated()) {
                assertEquals(full.ranked(), first.ranked(), "a walk that ended by itself is exact");
            }
        }
    }
}
