package fundexchange.protocol.event;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * The published result (结果公告) of a deal on a state-owned holder's listing, in the trade's own document, shown to
 * every participant: the trade, units, price, consideration and the appraised price per unit. It names no participant.
 */
public record ResultAnnounced(long listingId, long tradeId, String fundCode, ListingMechanism mechanism, Units units,
                              Price price, Money consideration, Price appraisedPrice) implements StateOwnedEvent {
}
