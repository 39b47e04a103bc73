package fundexchange.engine.command;

import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/** A holder offers units to a named investor at a price (negotiated transfer); expiresAt is epoch ms, 0 for none. */
public record ListNegotiated(String fundCode, String buyer, Units units, Price price, long expiresAt) implements Command {
}
