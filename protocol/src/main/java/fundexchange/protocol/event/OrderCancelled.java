package fundexchange.protocol.event;

import fundexchange.protocol.book.Side;
import fundexchange.protocol.money.Units;

/**
 * An order's open {@code units} left the book (a SELL's are unlocked): by its owner ({@code rejectCode} 0), or by the
 * exchange with the reject code and reason (self-trade prevention, a rule failed at a fill, the fill limit).
 */
public record OrderCancelled(long orderId, String fundCode, String owner, Side side, Units units, int rejectCode,
                             String reason) implements BookEvent {
}
