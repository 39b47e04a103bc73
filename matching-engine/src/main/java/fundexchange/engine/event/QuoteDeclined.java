package fundexchange.engine.event;

import fundexchange.engine.intent.Side;

/** One side ends an open quote; no participant ids. */
public record QuoteDeclined(long quoteId, long offerId, Side by, int pseudonym) implements Event {
}
