package fundexchange.registry.read;

import java.math.BigDecimal;
import java.util.List;

/** A fund's order book aggregated by price: bids best (highest) first, asks best (lowest) first; no owners. */
public record BookDepth(String fundCode, String status, BigDecimal lotUnits, List<Level> bids, List<Level> asks) {
    /** The open units and the number of orders resting at one price. */
    public record Level(BigDecimal price, BigDecimal units, int orders) {
    }
}
