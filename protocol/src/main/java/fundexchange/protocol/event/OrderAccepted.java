package fundexchange.protocol.event;

import fundexchange.protocol.book.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * An order entered a fund's book (its id is the command's index); a SELL locks its units. Fills and cancellations
 * follow in the same document; whatever they leave rests.
 */
public record OrderAccepted(long orderId, String fundCode, String owner, Side side, Units units, Price price) implements BookEvent {
}
