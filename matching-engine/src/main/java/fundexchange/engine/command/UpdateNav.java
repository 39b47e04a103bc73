package fundexchange.engine.command;

import fundexchange.engine.money.Price;

/** Staff records a new NAV per unit as of a date. */
public record UpdateNav(String fundCode, Price nav, String navDate) implements Command {
}
