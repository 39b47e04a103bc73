package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/** A pledge over a holder's units was registered; they cannot be sold until it is released. */
public record PledgeRegistered(long pledgeId, String fundCode, String holder, Units units, String pledgee,
                               Money securedAmount, String documentDigest) implements HoldingEvent {
}
