package fundexchange.engine.event;

import fundexchange.engine.intent.Side;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/** One side counters an open quote ({@code round} counts the counters); no participant ids, only the pseudonym. */
public record QuoteCountered(long quoteId, long offerId, int round, Side by, int pseudonym, Price price, Units units,
                             long percentOfNavBasisPoints) implements Event {
}
