package fundexchange.protocol.command;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/** The side whose turn it is proposes other terms on an open quote; the other side replies next. */
public record CounterQuote(long quoteId, Price price, Units units) implements Command {
}
