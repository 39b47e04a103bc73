package fundexchange.protocol.event;

import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * An offer rests; the holder's units are locked. The ask is also shown as basis points of the fund's NAV and as a
 * multiple of the holder's cost of the units offered.
 */
public record OfferPosted(long offerId, String fundCode, String holder, Units units, Units minLot, Price askPrice,
                          long askPercentOfNavBasisPoints, Multiple askMultipleOfCost, OfferVisibility visibility,
                          long expiresAt) implements IntentEvent {
}
