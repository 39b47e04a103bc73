package fundexchange.registry.read;

import java.math.BigDecimal;

/** A judicial freeze: ACTIVE or LIFTED ({@code liftedIndex} 0 while active); its id is the proposal's. */
public record FreezeView(long freezeId, String fundCode, String holder, BigDecimal units, String authority,
                         String caseNumber, String documentDigest, String status, long frozenIndex, long liftedIndex,
                         String liftReason) {
}
