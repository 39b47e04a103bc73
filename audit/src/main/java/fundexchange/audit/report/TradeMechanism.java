package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a trade was made, read from its {@code TradeExecuted} event: a non-listed offer (it carries {@code offerId}) is
 * OFFER, a fill of the continuous book (it names its orders) is BOOK, a listing's trade takes the mechanism of the
 * event that created the listing (NEGOTIATED, ENGLISH, SEALED or any later one, as that event names it). A
 * {@code mechanism} field on the trade itself wins, so a new mechanism is named without a change here.
 */
final class TradeMechanism {
    static final String OFFER = "OFFER";
    static final String BOOK = "BOOK";

    private TradeMechanism() {
    }

    static String of(JsonNode trade, Directory directory) {
        String named = Json.text(trade, "mechanism");
        if (named != null) {
            return named;
        }
        if (trade.hasNonNull("offerId")) {
            return OFFER;
        }
        if (trade.hasNonNull("buyOrderId")) {
            return BOOK;
        }
        return directory.mechanism(Json.number(trade, "listingId"));
    }
}
