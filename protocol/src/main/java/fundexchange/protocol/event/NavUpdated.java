package fundexchange.protocol.event;

import fundexchange.protocol.money.Price;

/** A new NAV per unit. */
public record NavUpdated(String fundCode, Price nav, String navDate) implements PlatformEvent {
}
