package fundexchange.protocol.event;

import fundexchange.protocol.intent.Side;

/**
 * One side ends an open quote; no participant ids. When the exchange ended it for a side (that side was suspended),
 * {@code rejectCode} and {@code reason} say why; else absent.
 */
public record QuoteDeclined(long quoteId, long offerId, Side by, int pseudonym, Integer rejectCode, String reason)
        implements IntentEvent {
    public QuoteDeclined(long quoteId, long offerId, Side by, int pseudonym) {
        this(quoteId, offerId, by, pseudonym, null, null);
    }
}
