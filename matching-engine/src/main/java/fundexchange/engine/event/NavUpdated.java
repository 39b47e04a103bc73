package fundexchange.engine.event;

import fundexchange.engine.money.Price;

/** A new NAV per unit. */
public record NavUpdated(String fundCode, Price nav, String navDate) implements Event {
}
