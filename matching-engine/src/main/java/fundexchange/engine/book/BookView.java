package fundexchange.engine.book;

import fundexchange.protocol.book.BookStatus;
import fundexchange.protocol.money.Units;
import java.util.List;

/** A fund's book as data: its lot, status, and resting orders in priority order (best price first, then oldest). */
public record BookView(String fundCode, Units lotUnits, BookStatus status, List<BookOrder> bids, List<BookOrder> asks) {
    public BookView {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
