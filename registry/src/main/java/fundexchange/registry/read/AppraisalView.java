package fundexchange.registry.read;

import java.math.BigDecimal;

/**
 * A state-owned holder's appraisal of a fund interest: value for units, the value per unit (rounded up), its filing
 * reference and last valid day, when it was registered (epoch ms), whether it is the holder's current one, and the
 * approving body's consent to a lower reserve (all three null until recorded).
 */
public record AppraisalView(long appraisalId, String fundCode, String holder, BigDecimal value, BigDecimal units,
                            BigDecimal pricePerUnit, String filingReference, String validUntil, long registeredAt,
                            boolean current, BigDecimal approvalMinimumPrice, String approvalReference,
                            Long approvalProposalId) {
}
