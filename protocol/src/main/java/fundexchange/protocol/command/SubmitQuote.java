package fundexchange.protocol.command;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/** An investor's price inquiry on an offer: a per-unit price for a number of units. The holder replies next. */
public record SubmitQuote(long offerId, Price price, Units units) implements Command {
}
