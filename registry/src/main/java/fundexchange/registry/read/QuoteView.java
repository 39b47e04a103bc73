package fundexchange.registry.read;

import java.math.BigDecimal;
import java.util.List;

/**
 * A quote on an offer with the terms last proposed and, when read one by one, every round; whole, with the offer's
 * {@code holder} and the quoting {@code investor}: the gateway decides what each caller sees. {@code pseudonym} is the
 * investor's ordinal among the offer's counterparties; {@code turn} the side that replies next while OPEN.
 */
public record QuoteView(long quoteId, long offerId, String fundCode, String holder, String investor, int pseudonym,
                        BigDecimal price, BigDecimal units, long percentOfNavBasisPoints, int rounds, String turn,
                        String status, String closedBy, Long closedIndex, List<Round> history) {
    /** One proposal of terms: round 0 is the quote itself. */
    public record Round(int round, String side, BigDecimal price, BigDecimal units, long percentOfNavBasisPoints,
                        long sourceIndex) {
    }
}
