package fundexchange.engine.custody;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * A registered pledge (质押) over a holder's units in favour of {@code pledgee}; its id is the index of the command
 * that registered it. {@code securedAmount} is optional; {@code documentDigest} is the pledge contract's SHA-256.
 */
public record Pledge(long pledgeId, String fundCode, String holder, Units units, String pledgee, Money securedAmount,
                     String documentDigest, EncumbranceStatus status) {
    public Pledge withStatus(EncumbranceStatus newStatus) {
        return new Pledge(pledgeId, fundCode, holder, units, pledgee, securedAmount, documentDigest, newStatus);
    }
}
