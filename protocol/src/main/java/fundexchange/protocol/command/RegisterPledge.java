package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * Staff register a pledge of a holder's available units to {@code pledgee}, with the pledge contract's SHA-256;
 * {@code securedAmount} (the secured claim) is optional. Pledged units cannot be sold until released.
 */
public record RegisterPledge(String fundCode, String holder, Units units, String pledgee, Money securedAmount,
                             String documentDigest) implements Command {
}
