package fundexchange.protocol.command;

import fundexchange.protocol.money.Price;

/** Staff records a new NAV per unit as of a date. */
public record UpdateNav(String fundCode, Price nav, String navDate) implements Command {
}
