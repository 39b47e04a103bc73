package fundexchange.protocol.event;

import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/** One side counters an open quote ({@code round} counts the counters); no participant ids, only the pseudonym. */
public record QuoteCountered(long quoteId, long offerId, int round, Side by, int pseudonym, Price price, Units units,
                             long percentOfNavBasisPoints) implements IntentEvent {
}
