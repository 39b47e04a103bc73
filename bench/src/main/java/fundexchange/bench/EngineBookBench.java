package fundexchange.bench;

import fundexchange.protocol.RejectCode;
import fundexchange.engine.book.BookMatcher;
import fundexchange.engine.book.Books;
import fundexchange.engine.book.FillRules;
import fundexchange.engine.book.Objection;
import fundexchange.engine.book.OrderBook;
import fundexchange.engine.book.RestingOrder;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run engine-book}: the production book ({@link Books}, {@link OrderBook}, {@link BookMatcher}) with
 * every event built and applied, on one thread, over about 1,000 resting orders: passive places away from the touch,
 * cancels of random live orders, and aggressive orders that sweep from the best price. Fill rules always pass; each
 * fill's {@link TradeExecuted} carries its consideration and % of NAV. Also the heap bytes per resting order, and the
 * bytes the engine core allocates per command on the book path ({@link EngineBookAllocation}).
 */
@Command(name = "engine-book", mixinStandardHelpOptions = true,
        description = "Throughput of the continuous book with events built, heap bytes per resting order and per open"
                + " listing, and the bytes the engine core allocates per command on the book path.")
public final class EngineBookBench implements Callable<Integer> {
    private static final long TICK = 10;          // 0.0010
    private static final long MID = 10_000;       // 1.0000
    private static final long LOT = 100;          // 1.00 units
    private static final Price NAV = Price.of("1.2000");

    @Option(names = "--resting", defaultValue = "1000", description = "resting orders to hold (default: ${DEFAULT-VALUE})")
    int resting;
    @Option(names = "--ops", defaultValue = "10000000", description = "operations per timed run (default: ${DEFAULT-VALUE})")
    int ops;
    @Option(names = "--warmup-ops", defaultValue = "10000000", description = "untimed operations first (default: ${DEFAULT-VALUE})")
    int warmupOps;
    @Option(names = "--runs", defaultValue = "5", description = "timed runs (default: ${DEFAULT-VALUE})")
    int runs;
    @Option(names = "--mix", defaultValue = "50:25:25", description = "place:cancel:aggressive percentages (default: ${DEFAULT-VALUE})")
    String mix;
    @Option(names = "--memory-orders", defaultValue = "200000", description = "resting orders for the memory figure (default: ${DEFAULT-VALUE})")
    int memoryOrders;
    private static final int OPEN_LISTINGS = 100_000;
    /** Commands through {@code Engine.apply} before and while the engine core's allocation is counted. */
    private static final int ALLOC_WARMUP = 300_000;
    private static final int ALLOC_COMMANDS = 200_000;
    @Option(names = "--seed", defaultValue = "20261127", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    private final PrintStream out = System.out;

    /** The book under load and its bookkeeping; the live-order list only picks cancel targets. */
    private static final class Market implements FillRules {
        final Books books = new Books();
        final BookMatcher matcher = new BookMatcher();
        final OrderBook book;
        final String[] owners = new String[64];
        final List<Event> events = new ArrayList<>(64);
        long[] live = new long[1 << 16];
        int liveCount;
        long index;
        long placeAccepted;
        long aggressiveAccepted;
        long cancelAccepted;
        long cancelRejected;
        long selfTradeCancels;
        long trades;
        long eventsBuilt;
        long minResting = Long.MAX_VALUE;
        long maxResting;
        long sumResting;
        long samples;

        Market() {
            books.apply(new BookOpened("BENCH", new Units(LOT)), ++index);
            book = books.book("BENCH");
            for (int i = 0; i < owners.length; i++) {
                owners[i] = String.format("Trader-%02d", i);
            }
        }

        @Override
        public Objection check(String participant, Side side) {
            return null;
        }

        @Override
        public TradeExecuted trade(int fill, long buyOrderId, String buyer, long sellOrderId, String seller, long units, long price) {
            Units u = new Units(units);
            Price p = new Price(price);
            Money consideration = Pricing.consideration(u, p);
            return new TradeExecuted(index * BookMatcher.FILLS_PER_COMMAND + fill, 0, "BENCH", seller, buyer, u, p,
                    consideration, Pricing.percentOfNavBasisPoints(p, NAV), Multiple.ZERO, false, 0, buyOrderId,
                    sellOrderId, "2026-11-27");
        }

        void place(String owner, Side side, long units, long price, boolean passive) {
            long id = ++index;
            events.clear();
            matcher.place(id, 0, book, owner, side, units, price, this, events);
            apply(id);
            if (books.order(id) != null) {
                if (liveCount == live.length) {
                    live = java.util.Arrays.copyOf(live, liveCount * 2);
                }
                live[liveCount++] = id;
            }
            if (passive) {
                placeAccepted++;
            } else {
                aggressiveAccepted++;
            }
        }

        /** Cancels a random live order; ids of orders filled meanwhile are dropped from the list on the way. */
        void cancel(SplittableRandom random) {
            ++index;
            while (liveCount > 0) {
                int slot = random.nextInt(liveCount);
                long id = live[slot];
                live[slot] = live[--liveCount];
                RestingOrder order = books.order(id);
                if (order != null) {
                    events.clear();
                    matcher.cancel(order, events);
                    apply(index);
                    cancelAccepted++;
                    return;
                }
            }
            cancelRejected++;
        }

        private void apply(long sourceIndex) {
            for (int i = 0, n = events.size(); i < n; i++) {
                Event event = events.get(i);
                books.apply(event, sourceIndex);
                if (event instanceof TradeExecuted) {
                    trades++;
                } else if (event instanceof OrderCancelled c && c.rejectCode() == RejectCode.SELF_TRADE_PREVENTED.code()) {
                    selfTradeCancels++;
                }
            }
            eventsBuilt += events.size();
        }

        void sample() {
            long n = books.restingOrders();
            minResting = Math.min(minResting, n);
            maxResting = Math.max(maxResting, n);
            sumResting += n;
            samples++;
        }
    }

    @Override
    public Integer call() {
        int[] percent = parseMix();
        out.printf("machine: %d cores, JDK %s (%s), %s %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf("mix: %d%% passive place (1-4 lots of 1.00, 1-50 ticks of 0.0010 away from 1.0000), %d%% cancel of a"
                        + " random live order, %d%% aggressive (1-4 lots, doubled above %,d resting and halved below %,d;"
                        + " limit 60 ticks through 1.0000); 64 owners; ~%,d resting orders held%n",
                percent[0], percent[1], percent[2], resting + resting / 10, resting - resting / 10, resting);
        Market market = new Market();
        SplittableRandom random = new SplittableRandom(seed);
        while (market.books.restingOrders() < resting) {
            passive(market, random);
        }
        run(market, random, percent, warmupOps);
        out.printf("warm-up: %,d operations%n", warmupOps);
        Market timed = market;
        timed.placeAccepted = 0;
        timed.aggressiveAccepted = 0;
        timed.cancelAccepted = 0;
        timed.cancelRejected = 0;
        timed.selfTradeCancels = 0;
        timed.trades = 0;
        timed.eventsBuilt = 0;
        timed.minResting = Long.MAX_VALUE;
        timed.maxResting = 0;
        timed.sumResting = 0;
        timed.samples = 0;
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            run(market, random, percent, ops);
            long nanos = System.nanoTime() - start;
            rates[r] = ops / (nanos / 1e9);
            out.printf("run %d: %,d operations in %.0f ms = %,.0f ops/s%n", r + 1, ops, nanos / 1e6, rates[r]);
        }
        java.util.Arrays.sort(rates);
        out.printf("resting orders during the runs: min %,d, mean %,.0f, max %,d%n", market.minResting,
                (double) market.sumResting / market.samples, market.maxResting);
        out.printf("timed runs: %,d trades, %,d events built%n", market.trades, market.eventsBuilt);
        out.println("outcome histogram (timed runs):");
        out.printf("  %-55s %,d%n", "PlaceOrder passive    ACCEPTED", market.placeAccepted);
        out.printf("  %-55s %,d%n", "PlaceOrder aggressive ACCEPTED", market.aggressiveAccepted);
        out.printf("  %-55s %,d%n", "CancelOrder           ACCEPTED", market.cancelAccepted);
        out.printf("  %-55s %,d%n", "CancelOrder           REJECTED " + RejectCode.UNKNOWN_ORDER.code()
                + " (no live order)", market.cancelRejected);
        out.printf("  %-55s %,d%n", "resting orders cancelled " + RejectCode.SELF_TRADE_PREVENTED.code()
                + " (self-trade prevention)", market.selfTradeCancels);
        long bytes = bytesPerRestingOrder(random);
        out.printf("memory: %,d resting orders over 100 price levels a side took %,d bytes each (heap used after GC)%n",
                memoryOrders, bytes);
        out.printf("RESULT book.throughput %.0f ops/s%n", rates[runs / 2]);
        long perListing = OpenListingMemory.bytesPerOpenListing(OPEN_LISTINGS);
        out.printf("memory: %,d open negotiated listings through Engine.apply (request memory emptied): %d bytes each%n",
                OPEN_LISTINGS, perListing);
        out.printf("RESULT book.bytes.per.resting.order %d bytes%n", bytes);
        out.printf("RESULT engine.bytes.per.open.listing %d bytes%n", perListing);
        long perFinished = OpenListingMemory.bytesPerFinishedListing(OPEN_LISTINGS);
        out.printf("memory: %,d negotiated listings withdrawn, then past the bounded history's retention: %d bytes each%n",
                OPEN_LISTINGS, perFinished);
        out.printf("RESULT engine.bytes.per.finished.listing %d bytes%n", perFinished);
        EngineBookAllocation.Result alloc = EngineBookAllocation.measure(seed, ALLOC_WARMUP, ALLOC_COMMANDS);
        out.printf("engine core on the book path: %,d signed PlaceOrder/CancelOrder records through Engine.apply after"
                        + " %,d warm-up (%,d accepted, %,d rejected, %,d trades): %,d bytes allocated inside apply"
                        + " (the counter's own %d bytes a pair of reads subtracted)%n", alloc.commands(), ALLOC_WARMUP, alloc.accepted(),
                alloc.rejected(), alloc.trades(), alloc.bytes(), alloc.calibration());
        out.printf("RESULT engine.alloc.per.command %d bytes%n", alloc.perCommand());
        return 0;
    }

    private void run(Market market, SplittableRandom random, int[] percent, int count) {
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            if (roll < percent[0]) {
                passive(market, random);
            } else if (roll < percent[0] + percent[1]) {
                market.cancel(random);
            } else {
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long lots = 1 + random.nextInt(4);
                int restingNow = market.books.restingOrders();
                if (restingNow > resting + resting / 10) {
                    lots *= 2;
                } else if (restingNow < resting - resting / 10) {
                    lots = Math.max(1, lots / 2);
                }
                long limit = side == Side.BUY ? MID + 60 * TICK : MID - 60 * TICK;
                market.place(market.owners[random.nextInt(64)], side, lots * LOT, limit, false);
            }
            if ((i & 1023) == 0) {
                market.sample();
            }
        }
    }

    private static void passive(Market market, SplittableRandom random) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long ticks = 1 + random.nextInt(50);
        long price = side == Side.BUY ? MID - ticks * TICK : MID + ticks * TICK;
        market.place(market.owners[random.nextInt(64)], side, (1 + random.nextInt(4)) * LOT, price, true);
    }

    private long bytesPerRestingOrder(SplittableRandom random) {
        long before = HeapUse.afterGc();
        Market market = new Market();
        for (int i = 0; i < memoryOrders; i++) {
            Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
            long ticks = 1 + random.nextInt(100);
            long price = side == Side.BUY ? MID - ticks * TICK : MID + ticks * TICK;
            market.place(market.owners[i & 63], side, LOT, price, true);
        }
        market.live = new long[0];
        long after = HeapUse.afterGc();
        if (market.books.restingOrders() != memoryOrders) {
            throw new IllegalStateException("expected " + memoryOrders + " resting orders, got " + market.books.restingOrders());
        }
        return (after - before) / memoryOrders;
    }

    private int[] parseMix() {
        String[] parts = mix.split(":");
        int[] percent = new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        if (parts.length != 3 || percent[0] + percent[1] + percent[2] != 100) {
            throw new IllegalArgumentException("--mix must be three percentages adding up to 100");
        }
        return percent;
    }
}
