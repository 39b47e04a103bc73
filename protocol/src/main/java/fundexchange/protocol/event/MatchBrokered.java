package fundexchange.protocol.event;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * Staff put a proposal to both parties: the holder sees the investor as {@code investorPseudonym} on the offer, the
 * investor sees the offer, not its holder. Names no party.
 */
public record MatchBrokered(long matchId, long offerId, long intentId, String fundCode, int investorPseudonym,
                            Units units, Price price, long percentOfNavBasisPoints, String brokeredBy) implements IntentEvent {
}
