package fundexchange.registry.read;

import java.math.BigDecimal;

/** A published result of a deal on a state-owned holder's listing (epoch ms); it names no participant. */
public record ResultView(long tradeId, long listingId, String fundCode, String mechanism, BigDecimal units,
                         BigDecimal price, BigDecimal consideration, BigDecimal appraisedPrice, long announcedAt) {
}
