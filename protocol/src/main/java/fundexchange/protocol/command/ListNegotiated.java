package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A holder offers units to a named investor at a price (negotiated transfer); expiresAt is epoch ms, 0 for none. From
 * rules version 8 the buyer's deposit (保证金) at acceptance is {@code depositAmount}, or {@code depositBasisPoints} of
 * the listing's value (units times price), or by default the platform's {@code bid-deposit-bp}; at most one is given.
 */
public record ListNegotiated(String fundCode, String buyer, Units units, Price price, long expiresAt,
                             Money depositAmount, Integer depositBasisPoints) implements Command {
    /** A negotiated listing whose deposit is the platform's default. */
    public ListNegotiated(String fundCode, String buyer, Units units, Price price, long expiresAt) {
        this(fundCode, buyer, units, price, expiresAt, null, null);
    }
}
