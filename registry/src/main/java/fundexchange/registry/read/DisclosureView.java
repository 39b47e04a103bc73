package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A state-owned holder's listing as publicly disclosed: fund, mechanism, units, price (negotiated, or the auction's
 * start), the appraised price per unit, when it opened, when a deal may first be made and an auction's end (epoch ms),
 * and the listing's status now. It names no participant.
 */
public record DisclosureView(long listingId, String fundCode, String mechanism, BigDecimal units, BigDecimal price,
                             BigDecimal appraisedPrice, long openedAt, long dealsFrom, Long endsAt, String status) {
}
