package fundexchange.bench;

import fundexchange.engine.intent.Ask;
import fundexchange.engine.intent.AskKind;
import fundexchange.engine.intent.Compatibility;
import fundexchange.engine.intent.Eligibility;
import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.engine.intent.Want;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.LegalForm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A synthetic, seeded market for the intent-matching bench (docs/performance.md): funds whose strategies and
 * managers are Zipf-distributed, resting intents whose targets are Zipf-distributed over funds and strategies, and
 * new offers in funds drawn by the same Zipf law (a typical offer is in a popular fund). Every value is drawn from
 * one {@link Random} with a fixed seed.
 */
final class IntentPopulation {
    static final String[] STRATEGIES = {"GROWTH", "BUYOUT", "VENTURE", "SECONDARIES", "CREDIT", "INFRASTRUCTURE",
        "REAL_ESTATE", "HEALTHCARE", "TECHNOLOGY", "CONSUMER", "ENERGY", "FUND_OF_FUNDS"};
    private static final int FIRST_VINTAGE = 2008;
    private static final int VINTAGES = 17;

    final Map<String, Fund> funds = new HashMap<>();
    private final List<String> fundCodes = new ArrayList<>();
    private final Random random;
    private final Zipf fundRank;
    private final Zipf strategyRank;
    private final Set<String> unqualified = new HashSet<>();
    private final int investors;
    private long nextId = 1;

    /** Investors who fail the participant rules (2% of them): the bench's answer to the engine's TransferChecks. */
    final Eligibility eligibility = new Eligibility() {
        @Override
        public boolean buyer(String investor, Fund fund) {
            return !unqualified.contains(investor);
        }

        @Override
        public boolean seller(String holder, Fund fund) {
            return true;
        }
    };

    IntentPopulation(long seed, int fundCount, int investors) {
        this.investors = investors;
        random = new Random(seed);
        fundRank = new Zipf(fundCount, 1.0);
        strategyRank = new Zipf(STRATEGIES.length, 1.0);
        Zipf managerRank = new Zipf(200, 1.0);
        for (int i = 0; i < fundCount; i++) {
            String code = String.format("F%05d", i);
            fundCodes.add(code);
            funds.put(code, new Fund(code, "Fund " + i, "Manager-" + managerRank.next(random),
                    STRATEGIES[strategyRank.next(random)], FIRST_VINTAGE + random.nextInt(VINTAGES),
                    random.nextInt(10) == 0 ? "USD" : "CNY", LegalForm.values()[random.nextInt(3)], CustodyMode.PARTIAL,
                    200, 10, 0, new Price(5_000 + random.nextInt(15_001)), "2026-09-30", Units.ZERO, false));
        }
        for (int i = 0; i < investors / 50; i++) {
            unqualified.add("Investor-" + random.nextInt(investors));
        }
    }

    /**
     * A resting intent: half name 1-2 funds (Zipf over funds), half give criteria (1-2 Zipf strategies, a 3-6 year
     * vintage range or none, a third CNY only); up to 0.5-200 M at 35-85% of NAV, half with a minimum of a quarter.
     */
    Want want() {
        long id = nextId++;
        String investor = "Investor-" + random.nextInt(investors);
        long max = 50_000_000L * (1 + random.nextInt(400));  // 0.5 M to 200 M, money raw at scale 2, in 0.5 M steps
        long min = random.nextBoolean() ? max / 4 : 0;
        long maxBasisPoints = 3_500 + 50L * random.nextInt(101);
        if (random.nextBoolean()) {
            TreeSet<String> targets = new TreeSet<>();
            for (int i = random.nextInt(2); i >= 0; i--) {
                targets.add(fundCodes.get(fundRank.next(random)));
            }
            return new Want(id, investor, List.copyOf(targets), null, new Money(min), new Money(max), maxBasisPoints, id);
        }
        TreeSet<String> strategies = new TreeSet<>();
        for (int i = random.nextInt(2); i >= 0; i--) {
            strategies.add(STRATEGIES[strategyRank.next(random)]);
        }
        Integer from = null;
        Integer to = null;
        if (random.nextInt(10) < 7) {
            from = FIRST_VINTAGE + random.nextInt(VINTAGES);
            to = from + 2 + random.nextInt(4);
        }
        IntentCriteria criteria = new IntentCriteria(List.copyOf(strategies), from, to,
                random.nextInt(3) == 0 ? "CNY" : null, null, null);
        return new Want(id, investor, List.of(), criteria, new Money(min), new Money(max), maxBasisPoints, id);
    }

    /** A new offer: a fund drawn Zipf, 0.2-5 M units at 55-85% of NAV, a minimum lot of a tenth. */
    Ask offer() {
        long id = nextId++;
        Fund fund = funds.get(fundCodes.get(fundRank.next(random)));
        long basisPoints = 5_500 + random.nextInt(3_001);
        Price price = new Price(Math.max(1, fund.nav().raw() * basisPoints / 10_000));
        long units = 20_000_000L * (1 + random.nextInt(25));  // 0.2 M to 5 M units, raw at scale 2
        return new Ask(id, AskKind.OFFER, fund.fundCode(), "Holder-" + random.nextInt(5_000), price,
                Compatibility.percentOfNav(price, fund.nav()), new Units(units / 10), new Units(units), id);
    }
}
