package fundexchange.engine.intent;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * The sell side as the matcher sees it: an offer's (or an open auction's) fund, seller, per-unit price and that
 * price as basis points of the fund's NAV when indexed, and the lots it can trade: at least {@code lotMin} and at
 * most {@code lotMax} units. {@code since} is its time priority (the journal index that set its terms).
 */
public record Ask(long id, AskKind kind, String fundCode, String seller, Price price, long percentOfNavBasisPoints,
                  Units lotMin, Units lotMax, long since) {
}
