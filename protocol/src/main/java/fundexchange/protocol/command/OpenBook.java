package fundexchange.protocol.command;

import fundexchange.protocol.money.Units;

/** Staff open a fund's continuous book, or reopen a halted one; orders and fills are multiples of {@code lotUnits}. */
public record OpenBook(String fundCode, Units lotUnits) implements Command {
}
