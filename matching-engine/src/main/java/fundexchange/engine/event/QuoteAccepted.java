package fundexchange.engine.event;

import fundexchange.engine.intent.Side;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/** One side accepts the other's last terms; the TradeExecuted that follows names both parties. */
public record QuoteAccepted(long quoteId, long offerId, Side by, int pseudonym, Price price, Units units) implements Event {
}
