package fundexchange.protocol.book;

/** A fund's continuous book: OPEN takes orders and matches; HALTED keeps its resting orders but takes only cancels. */
public enum BookStatus {
    OPEN, HALTED
}
