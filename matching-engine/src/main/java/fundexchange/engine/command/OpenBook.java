package fundexchange.engine.command;

import fundexchange.engine.money.Units;

/** Staff open a fund's continuous book, or reopen a halted one; orders and fills are multiples of {@code lotUnits}. */
public record OpenBook(String fundCode, Units lotUnits) implements Command {
}
