package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A match proposal with its offer's holder and fund and its intent's investor, whole; the gateway decides what each
 * caller sees. {@code investorPseudonym}, {@code brokeredBy} and {@code brokeredIndex} are null until staff broker it.
 */
public record MatchView(long matchId, long offerId, long intentId, String fundCode, String holder, String investor,
                        int rank, BigDecimal units, BigDecimal price, BigDecimal amount, long percentOfNavBasisPoints,
                        long surplusBasisPoints, String status, Integer investorPseudonym, String brokeredBy,
                        Long brokeredIndex, boolean holderAccepted, boolean investorAccepted, String closedBy,
                        long proposedIndex, Long closedIndex) {
    /** Whether staff put it to the two parties; before that only staff and regulators know of it. */
    public boolean brokered() {
        return brokeredIndex != null;
    }
}
