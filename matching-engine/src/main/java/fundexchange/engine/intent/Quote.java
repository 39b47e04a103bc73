package fundexchange.engine.intent;

import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * An open inquiry on an offer; its id is the index of the SubmitQuote. {@code price} and {@code units} are the terms
 * last proposed, {@code round} counts the counters so far, and {@code turn} is the side that may now accept, counter
 * (either side may decline at any time).
 */
public record Quote(long quoteId, long offerId, String investor, int pseudonym, Price price, Units units, int round,
                    Side turn) {
    public Quote countered(Price newPrice, Units newUnits) {
        return new Quote(quoteId, offerId, investor, pseudonym, newPrice, newUnits, round + 1, turn.other());
    }
}
