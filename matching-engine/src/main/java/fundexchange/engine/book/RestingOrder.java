package fundexchange.engine.book;

import fundexchange.protocol.book.Side;

/**
 * An order resting in a book: a node of its price level's FIFO queue. Amounts are raw fixed-point (units scale 2,
 * price scale 4). Nodes are reused after they leave the book, so a reference is valid only while the order rests.
 */
public final class RestingOrder {
    long orderId;
    String owner;
    Side side;
    long price;
    long units;
    long priority;
    PriceLevel level;
    RestingOrder prev;
    RestingOrder next;
    OrderBook book;

    RestingOrder() {
    }

    /** The index of the command that placed it. */
    public long orderId() {
        return orderId;
    }

    public String owner() {
        return owner;
    }

    public Side side() {
        return side;
    }

    /** Raw price, scale 4. */
    public long price() {
        return price;
    }

    /** Raw open units, scale 2. */
    public long units() {
        return units;
    }

    /** The index that gave it its time priority: its placement, or its last amendment that lost priority. */
    public long priority() {
        return priority;
    }

    public OrderBook book() {
        return book;
    }
}
