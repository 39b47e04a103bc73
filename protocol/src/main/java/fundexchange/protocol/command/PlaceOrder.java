package fundexchange.protocol.command;

import fundexchange.protocol.book.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/** A limit order in a fund's book: a holder's SELL (units locked) or an investor's BUY, at a per-unit price. */
public record PlaceOrder(String fundCode, Side side, Units units, Price price) implements Command {
}
