package fundexchange.protocol.event;

import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/** One side accepts the other's last terms; the TradeExecuted that follows names both parties. */
public record QuoteAccepted(long quoteId, long offerId, Side by, int pseudonym, Price price, Units units) implements IntentEvent {
}
