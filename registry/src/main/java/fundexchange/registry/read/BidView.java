package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A bid as the registry holds it. {@code price} (scale 4) is null while a sealed bid is sealed: the registry learns
 * it only from the close (CONTRACTS.md 12), and never for a sealed bid cancelled or replaced before it.
 * {@code rejectCode} and {@code reason} say why the close passed the bid over. {@code terms} (V33): the mechanism's
 * own bid terms ({@code BidPlaced.terms}) as a JSON object naming its record in {@code type}, null for none.
 */
public record BidView(long bidId, long listingId, String bidder, int pseudonym, BigDecimal price, String status,
                      Integer rejectCode, String reason, String terms) {
}
