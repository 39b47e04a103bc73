package fundexchange.engine.event;

import fundexchange.engine.intent.OfferVisibility;
import fundexchange.engine.money.Multiple;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/**
 * An offer rests; the holder's units are locked. The ask is also shown as basis points of the fund's NAV and as a
 * multiple of the holder's cost of the units offered.
 */
public record OfferPosted(long offerId, String fundCode, String holder, Units units, Units minLot, Price askPrice,
                          long askPercentOfNavBasisPoints, Multiple askMultipleOfCost, OfferVisibility visibility,
                          long expiresAt) implements Event {
}
