package fundexchange.registry.read;

import java.math.BigDecimal;
import java.util.List;

/**
 * An investor's intent: the funds it names ({@code fundCodes}, empty when it gives criteria) or its criteria
 * ({@code strategies} empty for any strategy, the rest null when not given), its amounts (scale 2) and maximum % of NAV.
 */
public record IntentView(long intentId, String investor, List<String> fundCodes, List<String> strategies,
                         Integer vintageFrom, Integer vintageTo, String currency, String manager, String legalForm,
                         BigDecimal minAmount, BigDecimal maxAmount, long maxPercentOfNavBasisPoints, long expiresAt,
                         String status, Long amendedIndex, Long closedIndex) {
}
