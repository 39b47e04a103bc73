package fundexchange.protocol.command;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/** A holder offers units to a named investor at a price (negotiated transfer); expiresAt is epoch ms, 0 for none. */
public record ListNegotiated(String fundCode, String buyer, Units units, Price price, long expiresAt) implements Command {
}
