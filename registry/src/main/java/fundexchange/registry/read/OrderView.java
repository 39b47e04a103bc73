package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * An order of the continuous book: units as placed, open and filled (scale 2), its price (scale 4), and why the
 * exchange cancelled it ({@code rejectCode} 0 when its owner did).
 */
public record OrderView(long orderId, String fundCode, String owner, String side, BigDecimal price, BigDecimal units,
                        BigDecimal openUnits, BigDecimal filledUnits, String status, long priority, Long closedIndex,
                        Integer rejectCode, String reason) {
}
