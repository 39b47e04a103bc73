package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A trade and its settlement. Units and consideration at scale 2, price and multipleOfCost at scale 4;
 * {@code percentOfNavBasisPoints} is price over NAV per unit (10000 = at NAV). {@code settledIndex} is 0 until
 * {@code status} is SETTLED; {@code listingId} is 0 for a trade of the continuous book or on a non-listed offer, and
 * {@code offerId} is the non-listed offer a quote or brokered match traded on (0 for none); {@code settledAt} is the
 * journal time of the settlement in epoch milliseconds, 0 until SETTLED; {@code executedAt} the journal time of the
 * document that made the trade, null for a trade projected before the registry recorded it (V15); {@code settleBy} the
 * trade's settlement deadline (journal time, epoch ms: unconfirmed by then it fails), null for a trade projected before
 * the registry recorded it (V3).
 */
public record Transfer(long tradeId, long listingId, String fundCode, String seller, String buyer, BigDecimal units,
                       BigDecimal price, BigDecimal consideration, long percentOfNavBasisPoints,
                       BigDecimal multipleOfCost, String status, long executedIndex, long settledIndex,
                       long offerId, long settledAt, Long executedAt, Long settleBy) {
}
