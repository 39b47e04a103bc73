package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * What a read of an auction knows besides its mechanism's own terms, for {@link ListingMechanism.ListingTerms#readAt}.
 * Only facts every viewer of the listing sees (its starting price, the units still on offer, its window as moved by
 * extensions, epoch ms), so nothing a mechanism derives from them can reveal a hidden one such as the reserve.
 */
public record ListingFacts(Price startingPrice, Units unitsLeft, long startsAt, long endsAt) {
}
