package fundexchange.engine.command;

import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/** The side whose turn it is proposes other terms on an open quote; the other side replies next. */
public record CounterQuote(long quoteId, Price price, Units units) implements Command {
}
