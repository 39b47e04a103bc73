package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A non-listed offer as the registry holds it, whole; the gateway decides what each caller sees of it.
 * {@code units} as posted and {@code remaining} (scale 2), {@code askPrice} and {@code askMultipleOfCost} (scale 4);
 * {@code expiresAt} epoch ms, 0 for none; {@code closedIndex} null while OPEN.
 */
public record OfferView(long offerId, String fundCode, String holder, BigDecimal units, BigDecimal remaining,
                        BigDecimal minLot, BigDecimal askPrice, long askPercentOfNavBasisPoints,
                        BigDecimal askMultipleOfCost, String visibility, long expiresAt, String status, Long closedIndex) {
}
