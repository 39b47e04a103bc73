package fundexchange.protocol.command;

import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A holder displays units for inquiry (非挂牌转让): an indicative per-unit ask, the smallest lot a trade may take, who
 * may see it, and an expiry (epoch ms, 0 for none). The units are locked while the offer rests.
 */
public record PostOffer(String fundCode, Units units, Units minLot, Price askPrice, OfferVisibility visibility,
                        long expiresAt) implements Command {
}
