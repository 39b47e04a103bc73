package fundexchange.protocol.event;

import fundexchange.protocol.intent.OfferClosure;
import fundexchange.protocol.money.Units;
import java.util.List;

/**
 * An offer stops resting: filled, withdrawn or expired. Its remaining units are unlocked; its open quotes and live
 * match proposals (ids only, no counterparties) lapse. When the exchange withdrew it (its holder was suspended),
 * {@code rejectCode} and {@code reason} say why; else absent.
 */
public record OfferClosed(long offerId, String fundCode, String holder, OfferClosure status, Units unitsUnlocked,
                          List<Long> lapsedQuotes, List<Long> lapsedMatches, Integer rejectCode, String reason)
        implements IntentEvent {
    public OfferClosed(long offerId, String fundCode, String holder, OfferClosure status, Units unitsUnlocked,
                       List<Long> lapsedQuotes, List<Long> lapsedMatches) {
        this(offerId, fundCode, holder, status, unitsUnlocked, lapsedQuotes, lapsedMatches, null, null);
    }
}
