package fundexchange.protocol.event;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * An investor quotes on an offer. The holder is shown only {@code pseudonym}, the investor's ordinal on the offer
 * (CONTRACTS.md 12); the event names no holder.
 */
public record QuoteSubmitted(long quoteId, long offerId, String fundCode, String investor, int pseudonym, Price price,
                             Units units, long percentOfNavBasisPoints) implements IntentEvent {
}
