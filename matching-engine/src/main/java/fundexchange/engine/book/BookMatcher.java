package fundexchange.engine.book;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.List;

/**
 * Decides what an order does in a book and writes it as events, changing nothing: price-time priority, fills of the
 * smaller open size (a multiple of the lot, since every order is), both sides re-checked at every fill. Per crossing
 * resting order, in this order:
 * <ol>
 *   <li>the aggressor's own resting order is cancelled (self-trade prevention: cancel the resting order) and the
 *   walk continues;</li>
 *   <li>an aggressor that fails the rules stops: its remainder is cancelled with the reason;</li>
 *   <li>a resting order whose owner fails the rules is cancelled with the reason, and the walk continues;</li>
 *   <li>at the command's 4096th fill number the aggressor's remainder is cancelled (FILL_LIMIT_REACHED);</li>
 *   <li>otherwise the fill is a trade at the resting order's price.</li>
 * </ol>
 * A remainder that was not stopped rests. One matcher serves one thread; it is reused across commands.
 */
public final class BookMatcher {
    /** Fill numbers per command; trade ids are {@code index * 4096 + n} (CONTRACTS.md 11). */
    public static final int FILLS_PER_COMMAND = 4096;
    private final Walk walk = new Walk();

    /** A new order {@code index} of {@code owner}: accepted, matched, and either resting or cut off. */
    public void place(long index, int firstFill, OrderBook book, String owner, Side side, long units, long price,
                      FillRules rules, List<Event> out) {
        out.add(new OrderAccepted(index, book.fundCode(), owner, side, new Units(units), new Price(price)));
        match(index, firstFill, book, owner, side, units, price, rules, out);
    }

    /**
     * The owner changes a resting order's price or open units. A smaller size at the same price keeps its time
     * priority; any other change loses it, and a new price may cross: the order then matches as an aggressor.
     */
    public void amend(int firstFill, RestingOrder order, long price, long units, FillRules rules, List<Event> out) {
        boolean keeps = price == order.price && units < order.units;
        OrderBook book = order.book;
        out.add(new OrderAmended(order.orderId, book.fundCode(), order.owner, order.side, new Price(price), new Units(units),
                new Units(order.units), keeps));
        if (!keeps && price != order.price) {
            match(order.orderId, firstFill, book, order.owner, order.side, units, price, rules, out);
        }
    }

    /** The owner cancels a resting order. */
    public void cancel(RestingOrder order, List<Event> out) {
        out.add(new OrderCancelled(order.orderId, order.book.fundCode(), order.owner, order.side, new Units(order.units),
                0, "cancelled by its owner"));
    }

    private void match(long orderId, int firstFill, OrderBook book, String owner, Side side, long units, long price,
                       FillRules rules, List<Event> out) {
        walk.start(orderId, firstFill, book, owner, side, rules, out);
        long remaining = book.match(side, price, units, walk);
        if (remaining > 0 && walk.stopped != null) {
            out.add(new OrderCancelled(orderId, book.fundCode(), owner, side, new Units(remaining), walk.stopped.code(),
                    walk.stopped.reason()));
        }
        walk.finish();
    }

    /** The decider of one walk; reused, so a walk allocates only its events. */
    private static final class Walk implements MatchDecider {
        private static final String SELF_TRADE = "self-trade prevention: crossed by an aggressing order of the same participant";
        private static final Objection LIMIT = new Objection(RejectCode.FILL_LIMIT_REACHED.code(),
                "the command reached " + FILLS_PER_COMMAND + " fills; the remainder is cancelled");
        private long orderId;
        private int fill;
        private OrderBook book;
        private String owner;
        private Side side;
        private FillRules rules;
        private List<Event> out;
        private Objection stopped;

        void start(long aggressorId, int firstFill, OrderBook aggressorBook, String aggressor, Side aggressorSide,
                   FillRules fillRules, List<Event> events) {
            orderId = aggressorId;
            fill = firstFill;
            book = aggressorBook;
            owner = aggressor;
            side = aggressorSide;
            rules = fillRules;
            out = events;
            stopped = null;
        }

        void finish() {
            book = null;
            owner = null;
            rules = null;
            out = null;
        }

        @Override
        public Verdict consider(RestingOrder resting, long units) {
            if (resting.owner.equals(owner)) {
                cancelResting(resting, RejectCode.SELF_TRADE_PREVENTED.code(), SELF_TRADE);
                return Verdict.SKIP;
            }
            Objection aggressor = rules.check(owner, side);
            if (aggressor != null) {
                stopped = aggressor;
                return Verdict.STOP;
            }
            Objection other = rules.check(resting.owner, resting.side);
            if (other != null) {
                cancelResting(resting, other.code(), "cancelled at a fill: " + other.reason());
                return Verdict.SKIP;
            }
            if (fill >= FILLS_PER_COMMAND) {
                stopped = LIMIT;
                return Verdict.STOP;
            }
            boolean buying = side == Side.BUY;
            out.add(rules.trade(fill++, buying ? orderId : resting.orderId, buying ? owner : resting.owner,
                    buying ? resting.orderId : orderId, buying ? resting.owner : owner, units, resting.price));
            return Verdict.FILL;
        }

        private void cancelResting(RestingOrder resting, int code, String reason) {
            out.add(new OrderCancelled(resting.orderId, book.fundCode(), resting.owner, resting.side,
                    new Units(resting.units), code, reason));
        }
    }
}
