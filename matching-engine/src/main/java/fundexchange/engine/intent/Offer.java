package fundexchange.engine.intent;

import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * A resting non-listed offer (非挂牌, display and inquiry); its id is the index of the PostOffer. {@code remaining}
 * units stay locked in the holder's position while it rests (trades move them to the pending trade). A trade takes
 * at least {@code minLot} units, or the whole remainder when less is left. {@code counterparties} are the investors
 * who quoted or were brokered to it, in journal order: an investor's pseudonym is its position there plus one.
 */
public record Offer(long offerId, String fundCode, String holder, Units units, Units remaining, Units minLot,
                    Price askPrice, OfferVisibility visibility, long expiresAt, List<String> counterparties) {
    /** The smallest lot a trade may take now. */
    public Units lotMin() {
        return minLot.compareTo(remaining) <= 0 ? minLot : remaining;
    }

    /** The investor's pseudonym on this offer, or 0 if it has none yet. */
    public int pseudonymOf(String investor) {
        return counterparties.indexOf(investor) + 1;
    }

    /** The pseudonym the investor has, or would be given next. */
    public int pseudonymFor(String investor) {
        int existing = pseudonymOf(investor);
        return existing > 0 ? existing : counterparties.size() + 1;
    }

    public Offer withCounterparty(String investor) {
        if (pseudonymOf(investor) > 0) {
            return this;
        }
        List<String> more = new ArrayList<>(counterparties);
        more.add(investor);
        return new Offer(offerId, fundCode, holder, units, remaining, minLot, askPrice, visibility, expiresAt, List.copyOf(more));
    }

    public Offer withRemaining(Units newRemaining) {
        return new Offer(offerId, fundCode, holder, units, newRemaining, minLot, askPrice, visibility, expiresAt, counterparties);
    }
}
