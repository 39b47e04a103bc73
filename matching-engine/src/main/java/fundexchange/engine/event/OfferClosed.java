package fundexchange.engine.event;

import fundexchange.engine.intent.OfferClosure;
import fundexchange.engine.money.Units;
import java.util.List;

/**
 * An offer stops resting: filled, withdrawn or expired. Its remaining units are unlocked; its open quotes and live
 * match proposals (ids only, no counterparties) lapse.
 */
public record OfferClosed(long offerId, String fundCode, String holder, OfferClosure status, Units unitsUnlocked,
                          List<Long> lapsedQuotes, List<Long> lapsedMatches) implements Event {
}
