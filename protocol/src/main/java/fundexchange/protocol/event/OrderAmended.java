package fundexchange.protocol.event;

import fundexchange.protocol.book.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * The owner changed a resting order to {@code price} and {@code units} open (from {@code unitsBefore}); a SELL's lock
 * changes by the difference. {@code keptPriority} is true only for a smaller size at the same price; otherwise the
 * order queues behind its level from this index, and fills may follow in the same document.
 */
public record OrderAmended(long orderId, String fundCode, String owner, Side side, Price price, Units units,
                           Units unitsBefore, boolean keptPriority) implements BookEvent {
}
