package fundexchange.protocol.event;

import fundexchange.protocol.money.Price;

/**
 * An investor's intent matches an open auction listing (rank among the top K for the item that triggered it): the
 * investor is told through its feed. The price is what every investor who may see the auction sees (its mechanism's
 * offered price: a clock's price at the time, else the starting price; a journal of rules version 2 names the
 * reserve); names no seller.
 */
public record IntentMatchedListing(long intentId, String investor, long listingId, String fundCode, int rank,
                                   Price price, long percentOfNavBasisPoints) implements IntentEvent {
}
