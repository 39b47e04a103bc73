package fundexchange.bench;

import fundexchange.engine.Engine;
import fundexchange.engine.JournaledRequests;
import fundexchange.engine.RequestMemoryKey;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bytes the engine core allocates per command on the book path: {@link Engine#apply} of signed {@code PlaceOrder} and
 * {@code CancelOrder} records (the fixed mix of {@code engine-book}: 50% passive places, 25% cancels of a live order
 * by its owner, 25% aggressive orders) in one fund's book over the benchmark setup ({@link EngineSetup}), holders
 * selling and investors buying. The records are built before each call and the bytes are counted only inside
 * {@link Engine#apply}, with {@code ThreadMXBean#getCurrentThreadAllocatedBytes}, after a warm-up: the core alone,
 * without the journal codec or the journals (an engine over a {@link JournaledRequests} that is never asked, as no id
 * repeats). Journal time moves 1 ms every 100 commands (100,000 commands/s).
 */
final class EngineBookAllocation {
    private static final String FUND = EngineSetup.fund(0);
    private static final long LOT = 10_000;      // 100.00 units, the funds' minimum transfer
    private static final long TICK = 10;         // 0.0010
    private static final long MID = 15_000;      // 1.5000, the funds' NAV
    private static final int RESTING = 1_000;

    /**
     * What one run measured: {@code bytes} inside {@link Engine#apply} over {@code commands}, the counter's own cost
     * ({@code calibration} bytes per pair of reads, measured in the run) already subtracted.
     */
    record Result(long commands, long bytes, long calibration, long accepted, long rejected, long trades) {
        long perCommand() {
            return Math.round((double) bytes / commands);
        }
    }

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final EngineSetup setup = new EngineSetup();
    private final Engine engine = new Engine(index -> {
        throw new JournaledRequests.Unavailable("no id repeats in this benchmark (index " + index + ")");
    }, RequestMemoryKey.FIXED);
    private final SplittableRandom random;
    /** Live orders: id to remaining raw units, and id to owner; bookkeeping of the benchmark, not measured. */
    private final Map<Long, long[]> remaining = new HashMap<>();
    private final Map<Long, String> owners = new HashMap<>();
    private long[] live = new long[1 << 16];
    private int liveCount;
    private long index;
    private long time = EngineSetup.MIX_START_MS;
    private long accepted;
    private long rejected;
    private long trades;

    private EngineBookAllocation(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Warms up with {@code warmup} commands, then measures {@code measured}. */
    static Result measure(long seed, int warmup, int measured) {
        EngineBookAllocation bench = new EngineBookAllocation(seed);
        bench.start();
        bench.run(warmup, false);
        return bench.run(measured, true);
    }

    private void start() {
        for (CommandRecord record : setup.records()) {
            require(engine.apply(record), record, false);
            index = record.index();
        }
        CommandRecord tick = CommandRecord.unsigned(++index, time, new Tick());
        require(engine.apply(tick), tick, false);
        signed("Staff-01", "/books", """
                {"fundCode":"%s","lotUnits":"100.00"}""".formatted(FUND), new OpenBook(FUND, new Units(LOT)), false);
        while (owners.size() < RESTING) {
            passive(false);
        }
    }

    private Result run(int commands, boolean measured) {
        long calibration = calibration();
        accepted = 0;
        rejected = 0;
        trades = 0;
        long bytes = 0;
        for (int i = 0; i < commands; i++) {
            int roll = random.nextInt(100);
            if (roll < 50) {
                bytes += passive(measured);
            } else if (roll < 75 && liveCount > 0) {
                bytes += cancel(measured);
            } else {
                bytes += aggressive(measured);
            }
        }
        return new Result(commands, bytes - calibration * commands, calibration, accepted, rejected, trades);
    }

    /**
     * The bytes a pair of counter reads itself allocates, as {@link #signed} reads it around each call (0 on the
     * JDKs measured so far); the same over 1,000 pairs, else the count is not trusted.
     */
    private long calibration() {
        long first = -1;
        for (int i = 0; i < 1_000; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            long cost = threads.getCurrentThreadAllocatedBytes() - before;
            if (first < 0) {
                first = cost;
            } else if (cost != first) {
                throw new IllegalStateException("reading the allocation counter costs " + first + " then " + cost
                        + " bytes: it cannot be subtracted");
            }
        }
        return first;
    }

    private long passive(boolean measured) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long ticks = 1 + random.nextInt(50);
        long price = side == Side.BUY ? MID - ticks * TICK : MID + ticks * TICK;
        return place(side, (1 + random.nextInt(4)) * LOT, price, measured);
    }

    private long aggressive(boolean measured) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long lots = 1 + random.nextInt(4);
        if (owners.size() > RESTING + RESTING / 10) {
            lots *= 2;
        } else if (owners.size() < RESTING - RESTING / 10) {
            lots = Math.max(1, lots / 2);
        }
        long limit = side == Side.BUY ? MID + 60 * TICK : MID - 60 * TICK;
        return place(side, lots * LOT, limit, measured);
    }

    private long place(Side side, long units, long price, boolean measured) {
        String owner = side == Side.SELL ? EngineSetup.holder(random.nextInt(EngineSetup.HOLDERS))
                : EngineSetup.investor(random.nextInt(EngineSetup.INVESTORS));
        Units u = new Units(units);
        Price p = new Price(price);
        return signed(owner, "/orders", """
                {"fundCode":"%s","side":"%s","units":"%s","price":"%s"}""".formatted(FUND, side, u, p),
                new PlaceOrder(FUND, side, u, p), measured);
    }

    /** Cancels a random live order by its owner. */
    private long cancel(boolean measured) {
        int slot = random.nextInt(liveCount);
        long id = live[slot];
        return signed(owners.get(id), "/orders/" + id + "/cancel", "{}", new CancelOrder(id), measured);
    }

    private long signed(String participant, String path, String body, Command command, boolean measured) {
        time += (index % 100 == 0) ? 1 : 0;
        Planned planned = setup.accepted(participant, path, body, command, ++index, time);
        CommandRecord record = CommandRecord.signed(index, time, planned.request(), command);
        long before = threads.getCurrentThreadAllocatedBytes();
        EventDocument document = engine.apply(record);
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        require(document, record, measured);
        follow(document);
        return measured ? bytes : 0;
    }

    private void follow(EventDocument document) {
        for (Event event : document.events()) {
            if (event instanceof OrderAccepted a) {
                remaining.put(a.orderId(), new long[] {a.units().raw()});
                owners.put(a.orderId(), a.owner());
                if (liveCount == live.length) {
                    live = java.util.Arrays.copyOf(live, liveCount * 2);
                }
                live[liveCount++] = a.orderId();
            } else if (event instanceof TradeExecuted t) {
                trades++;
                fill(t.buyOrderId(), t.units().raw());
                fill(t.sellOrderId(), t.units().raw());
            } else if (event instanceof OrderCancelled c) {
                gone(c.orderId());
            }
        }
    }

    private void fill(Long orderId, long units) {
        long[] left = orderId == null ? null : remaining.get(orderId);
        if (left != null && (left[0] -= units) <= 0) {
            gone(orderId);
        }
    }

    private void gone(long orderId) {
        if (remaining.remove(orderId) == null) {
            return;
        }
        owners.remove(orderId);
        for (int i = 0; i < liveCount; i++) {
            if (live[i] == orderId) {
                live[i] = live[--liveCount];
                return;
            }
        }
    }

    /**
     * Counts an outcome. A setup command (the setup's records, the Tick, opening the book) or a measured command that
     * is not accepted stops the benchmark: the figure is for accepted commands only. A warm-up order may be rejected.
     */
    private void require(EventDocument document, CommandRecord record, boolean measured) {
        if (document.outcome().status() != OutcomeStatus.ACCEPTED) {
            rejected++;
            boolean order = record.command() instanceof PlaceOrder || record.command() instanceof CancelOrder;
            if (!order) {
                throw new IllegalStateException("setup command " + record.index() + " ("
                        + record.command().getClass().getSimpleName() + ") was not accepted: " + document.outcome());
            }
            if (measured) {
                throw new IllegalStateException("measured command " + record.index() + " (" + record.command()
                        + ") was not accepted: " + document.outcome());
            }
            if (rejected < 5) {
                System.out.println("rejected " + record.command() + ": " + document.outcome());
            }
        } else {
            accepted++;
        }
    }
}
