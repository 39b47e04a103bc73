package fundexchange.engine.book;

import fundexchange.protocol.book.BookStatus;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * One fund's continuous two-sided limit order book: price levels in sorted arrays, FIFO queues within a level. The
 * matching walk ({@link #match}) only reads; {@link Books} changes the book when the decided events are applied.
 */
public final class OrderBook {
    private final String fundCode;
    private long lotUnits;
    private BookStatus status = BookStatus.OPEN;
    private final PriceLevels bids = new PriceLevels(true);
    private final PriceLevels asks = new PriceLevels(false);
    private int orders;

    OrderBook(String fundCode, long lotUnits) {
        this.fundCode = fundCode;
        this.lotUnits = lotUnits;
    }

    public String fundCode() {
        return fundCode;
    }

    /** Raw units (scale 2) every order and fill is a multiple of. */
    public long lotUnits() {
        return lotUnits;
    }

    public BookStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status == BookStatus.OPEN;
    }

    public int restingOrders() {
        return orders;
    }

    void open(long lot) {
        lotUnits = lot;
        status = BookStatus.OPEN;
    }

    void halt() {
        status = BookStatus.HALTED;
    }

    /**
     * Walks the resting orders an aggressor on {@code side} with raw limit {@code price} crosses, best price first and
     * oldest first within a price, offering each a fill of the smaller of both open sizes. Returns the aggressor's raw
     * units left unfilled. Reads only: the decider records what happened.
     */
    public long match(Side side, long price, long units, MatchDecider decider) {
        PriceLevels opposite = side == Side.BUY ? asks : bids;
        long remaining = units;
        for (int i = 0; i < opposite.size() && remaining > 0; i++) {
            PriceLevel level = opposite.fromBest(i);
            if (side == Side.BUY ? level.price > price : level.price < price) {
                break;
            }
            for (RestingOrder resting = level.head; resting != null && remaining > 0; resting = resting.next) {
                long fill = Math.min(remaining, resting.units);
                switch (decider.consider(resting, fill)) {
                    case FILL -> remaining -= fill;
                    case SKIP -> {
                    }
                    case STOP -> {
                        return remaining;
                    }
                }
            }
        }
        return remaining;
    }

    /** The resting orders of one side in priority order. */
    public List<BookOrder> orders(Side side) {
        PriceLevels levels = side == Side.BUY ? bids : asks;
        List<BookOrder> result = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            for (RestingOrder o = levels.fromBest(i).head; o != null; o = o.next) {
                result.add(new BookOrder(o.orderId, o.owner, new Price(o.price), new Units(o.units), o.priority));
            }
        }
        return result;
    }

    BookView view() {
        return new BookView(fundCode, new Units(lotUnits), status, orders(Side.BUY), orders(Side.SELL));
    }

    void insert(RestingOrder order) {
        order.book = this;
        (order.side == Side.BUY ? bids : asks).at(order.price).append(order);
        orders++;
    }

    void unlink(RestingOrder order) {
        PriceLevel level = order.level;
        level.unlink(order);
        if (level.isEmpty()) {
            (order.side == Side.BUY ? bids : asks).remove(level);
        }
        orders--;
    }

    void reduce(RestingOrder order, long units) {
        if (units <= 0 || units > order.units) {
            throw new IllegalStateException("order " + order.orderId + " has " + order.units + " open, cannot fill " + units);
        }
        order.units -= units;
        order.level.units -= units;
    }
}
