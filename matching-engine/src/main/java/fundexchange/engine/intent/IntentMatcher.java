package fundexchange.engine.intent;

import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.reference.Fund;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The index of resting intents ({@link Want}) and offers ({@link Ask}) that matches one new or changed item without
 * scanning the other side (docs/matching.md).
 *
 * <p>Buckets: an intent naming funds sits in one bucket per fund; an intent by criteria sits in one bucket per
 * (strategy, vintage year) it accepts, with {@code *} for any strategy, and for any vintage when its range is open or
 * wider than {@link #VINTAGE_BUCKET_SPAN} years. An ask sits in its fund's bucket and in the four criteria buckets
 * (strategy, vintage), (strategy, *), (*, vintage), (*, *). So a new ask reads at most five intent buckets, and a new
 * intent reads one ask bucket per fund named or per criteria bucket it covers; an item is in at most one of the
 * buckets any single query reads, so the walk needs no de-duplication.
 *
 * <p>Order: every bucket is sorted by the dominant score key, the price: intents by maximum % of NAV descending, asks
 * by % of NAV ascending, then time priority and id. The price surplus of the pairs met along the merged walk never
 * increases, so the walk stops at the first price-incompatible item, or once it holds K candidates and the next
 * item's surplus is below the K-th's, or equal to it while the K-th already trades the most any pair can (size fit
 * and time priority only break ties of equal surplus, and within one surplus the walk is in time priority). It also
 * stops after {@code scanLimit} items examined: bounded work per command.
 *
 * <p>Lookups use hash maps but nothing iterates them into a result: results are ordered by {@link Candidate#RANKING},
 * a total order, so they are deterministic. Not thread-safe; the engine thread owns it.
 */
public final class IntentMatcher {
    /** An intent's vintage range up to this many years wide is indexed year by year, a wider one under any vintage. */
    public static final int VINTAGE_BUCKET_SPAN = 10;
    static final String ANY = "*";
    /** Intents: the highest maximum % of NAV first, then time priority, then id. */
    static final Comparator<Want> WANT_ORDER = (a, b) -> {
        int c = Long.compare(b.maxPercentOfNavBasisPoints(), a.maxPercentOfNavBasisPoints());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.since(), b.since());
        return c != 0 ? c : Long.compare(a.id(), b.id());
    };
    /** Asks: the lowest % of NAV first, then time priority, then id. */
    static final Comparator<Ask> ASK_ORDER = (a, b) -> {
        int c = Long.compare(a.percentOfNavBasisPoints(), b.percentOfNavBasisPoints());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.since(), b.since());
        return c != 0 ? c : Long.compare(a.id(), b.id());
    };

    private final Function<String, Fund> funds;
    private final HashMap<Long, Want> wants = new HashMap<>();
    private final HashMap<Long, Ask> asks = new HashMap<>();
    private final HashMap<String, TreeSet<Want>> wantsByFund = new HashMap<>();
    private final HashMap<String, TreeSet<Want>> wantsByBucket = new HashMap<>();
    private final HashMap<String, TreeSet<Ask>> asksByFund = new HashMap<>();
    private final HashMap<String, TreeSet<Ask>> asksByBucket = new HashMap<>();
    /** The criteria bucket keys of each fund seen (a fund's strategy and vintage never change). */
    private final HashMap<String, List<String>> fundBuckets = new HashMap<>();

    /** {@code funds} looks up a fund's reference data (strategy, vintage, currency, ...); funds are never removed. */
    public IntentMatcher(Function<String, Fund> funds) {
        this.funds = funds;
    }

    /** Indexes a resting intent; an intent with the same id is replaced. */
    public void add(Want want) {
        removeWant(want.id());
        wants.put(want.id(), want);
        if (hasFunds(want)) {
            for (String fund : want.fundCodes()) {
                wantsByFund.computeIfAbsent(fund, f -> new TreeSet<>(WANT_ORDER)).add(want);
            }
        } else {
            for (String bucket : buckets(want.criteria())) {
                wantsByBucket.computeIfAbsent(bucket, b -> new TreeSet<>(WANT_ORDER)).add(want);
            }
        }
    }

    /** Removes a resting intent, if indexed. */
    public void removeWant(long id) {
        Want want = wants.remove(id);
        if (want == null) {
            return;
        }
        if (hasFunds(want)) {
            for (String fund : want.fundCodes()) {
                remove(wantsByFund, fund, want);
            }
        } else {
            for (String bucket : buckets(want.criteria())) {
                remove(wantsByBucket, bucket, want);
            }
        }
    }

    /** Indexes a resting ask (its fund must be known); an ask with the same id is replaced. */
    public void add(Ask ask) {
        removeAsk(ask.id());
        Fund fund = fund(ask.fundCode());
        asks.put(ask.id(), ask);
        asksByFund.computeIfAbsent(ask.fundCode(), f -> new TreeSet<>(ASK_ORDER)).add(ask);
        for (String bucket : bucketsOf(fund)) {
            asksByBucket.computeIfAbsent(bucket, b -> new TreeSet<>(ASK_ORDER)).add(ask);
        }
    }

    /** Removes a resting ask, if indexed. */
    public void removeAsk(long id) {
        Ask ask = asks.remove(id);
        if (ask == null) {
            return;
        }
        remove(asksByFund, ask.fundCode(), ask);
        for (String bucket : bucketsOf(fund(ask.fundCode()))) {
            remove(asksByBucket, bucket, ask);
        }
    }

    /** The indexed ask with this id, if any (its % of NAV is the one it was indexed with). */
    public Ask ask(long id) {
        return asks.get(id);
    }

    public int wantCount() {
        return wants.size();
    }

    public int askCount() {
        return asks.size();
    }

    /** Every resting intent, in no particular order (for a brute-force comparison). */
    public Collection<Want> wants() {
        return List.copyOf(wants.values());
    }

    /** Every resting ask, in no particular order (for a brute-force comparison). */
    public Collection<Ask> asks() {
        return List.copyOf(asks.values());
    }

    /** The top {@code k} resting intents for a new ask (which need not be indexed), examining at most {@code scanLimit}. */
    public MatchResult matchAsk(Ask ask, int k, int scanLimit, Eligibility eligibility) {
        Fund fund = fund(ask.fundCode());
        List<TreeSet<Want>> sources = new ArrayList<>(5);
        addIfPresent(sources, wantsByFund.get(ask.fundCode()));
        for (String bucket : bucketsOf(fund)) {
            addIfPresent(sources, wantsByBucket.get(bucket));
        }
        TopK best = new TopK(k);
        long cap = Pricing.consideration(ask.lotMax(), ask.price()).raw();
        int examined = 0;
        boolean truncated = false;
        Merge<Want> walk = new Merge<>(sources, WANT_ORDER);
        while (walk.hasNext()) {
            Want want = walk.peek();
            if (want.maxPercentOfNavBasisPoints() < ask.percentOfNavBasisPoints()) {
                break;
            }
            if (best.full() && cannotEnter(want.maxPercentOfNavBasisPoints() - ask.percentOfNavBasisPoints(), cap,
                    want.since(), want.id(), best)) {
                break;
            }
            if (examined >= scanLimit) {
                truncated = true;
                break;
            }
            walk.next();
            examined++;
            Candidate candidate = Compatibility.evaluate(ask, want, fund, eligibility, Side.INVESTOR);
            if (candidate != null) {
                best.add(candidate);
            }
        }
        return new MatchResult(best.list(), examined, truncated);
    }

    /**
     * The top {@code k} asks for a new or changed intent: the {@code extra} asks (open auctions, not indexed) and the
     * indexed ones, examining at most {@code scanLimit} in all (the extra ones first).
     */
    public MatchResult matchWant(Want want, Collection<Ask> extra, int k, int scanLimit, Eligibility eligibility) {
        TopK best = new TopK(k);
        int examined = 0;
        for (Ask ask : extra) {
            if (examined >= scanLimit) {
                return new MatchResult(best.list(), examined, true);
            }
            examined++;
            Candidate candidate = Compatibility.evaluate(ask, want, fund(ask.fundCode()), eligibility, Side.HOLDER);
            if (candidate != null) {
                best.add(candidate);
            }
        }
        boolean truncated = false;
        Merge<Ask> walk = new Merge<>(askSources(want), ASK_ORDER);
        while (walk.hasNext()) {
            Ask ask = walk.peek();
            if (ask.percentOfNavBasisPoints() > want.maxPercentOfNavBasisPoints()) {
                break;
            }
            if (best.full() && cannotEnter(want.maxPercentOfNavBasisPoints() - ask.percentOfNavBasisPoints(),
                    want.maxAmount().raw(), ask.since(), ask.id(), best)) {
                break;
            }
            if (examined >= scanLimit) {
                truncated = true;
                break;
            }
            walk.next();
            examined++;
            Candidate candidate = Compatibility.evaluate(ask, want, fund(ask.fundCode()), eligibility, Side.HOLDER);
            if (candidate != null) {
                best.add(candidate);
            }
        }
        return new MatchResult(best.list(), examined, truncated);
    }

    /**
     * True if neither this item of the walk nor any after it can enter the full top K: even trading {@code cap}, the
     * most any pair with the new item can trade, it would rank after the K-th. Later items have a lower surplus, or
     * the same surplus and a later time priority (the walk's order), and never a larger amount than {@code cap}.
     */
    private static boolean cannotEnter(long surplus, long cap, long since, long id, TopK best) {
        Candidate worst = best.worst();
        if (surplus != worst.surplusBasisPoints()) {
            return surplus < worst.surplusBasisPoints();
        }
        if (cap != worst.amount().raw()) {
            return cap < worst.amount().raw();
        }
        return since != worst.restingSince() ? since > worst.restingSince() : id > worst.restingId();
    }

    private List<TreeSet<Ask>> askSources(Want want) {
        List<TreeSet<Ask>> sources = new ArrayList<>();
        if (hasFunds(want)) {
            for (String fund : want.fundCodes()) {
                addIfPresent(sources, asksByFund.get(fund));
            }
        } else {
            for (String bucket : buckets(want.criteria())) {
                addIfPresent(sources, asksByBucket.get(bucket));
            }
        }
        return sources;
    }

    /** The criteria buckets an intent sits in (and whose asks it reads). */
    static List<String> buckets(IntentCriteria criteria) {
        List<String> strategies = criteria == null || criteria.strategyList().isEmpty() ? List.of(ANY) : criteria.strategyList();
        boolean narrow = criteria != null && criteria.vintageFrom() != null && criteria.vintageTo() != null
                && criteria.vintageTo() >= criteria.vintageFrom()
                && criteria.vintageTo() - criteria.vintageFrom() < VINTAGE_BUCKET_SPAN;
        List<String> keys = new ArrayList<>();
        for (String strategy : strategies) {
            if (narrow) {
                for (int year = criteria.vintageFrom(); year <= criteria.vintageTo(); year++) {
                    keys.add(key(strategy, Integer.toString(year)));
                }
            } else {
                keys.add(key(strategy, ANY));
            }
        }
        return keys;
    }

    /** The four criteria buckets a fund's asks sit in (and whose intents they read). */
    static List<String> buckets(Fund fund) {
        String vintage = Integer.toString(fund.vintage());
        return List.of(key(fund.strategy(), vintage), key(fund.strategy(), ANY), key(ANY, vintage), key(ANY, ANY));
    }

    private List<String> bucketsOf(Fund fund) {
        return fundBuckets.computeIfAbsent(fund.fundCode(), code -> buckets(fund));
    }

    private static String key(String strategy, String vintage) {
        return strategy + '\u0000' + vintage;
    }

    private static boolean hasFunds(Want want) {
        return want.fundCodes() != null && !want.fundCodes().isEmpty();
    }

    private Fund fund(String fundCode) {
        Fund fund = funds.apply(fundCode);
        if (fund == null) {
            throw new IllegalArgumentException("no fund " + fundCode);
        }
        return fund;
    }

    private static <T> void addIfPresent(List<TreeSet<T>> sources, TreeSet<T> bucket) {
        if (bucket != null && !bucket.isEmpty()) {
            sources.add(bucket);
        }
    }

    private static <T> void remove(HashMap<String, TreeSet<T>> index, String key, T item) {
        TreeSet<T> bucket = index.get(key);
        if (bucket != null) {
            bucket.remove(item);
            if (bucket.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
