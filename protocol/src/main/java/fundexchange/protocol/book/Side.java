package fundexchange.protocol.book;

/** The side of an order in the continuous book: a BUY (bid) or a SELL (ask, whose units are locked). */
public enum Side {
    BUY, SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
