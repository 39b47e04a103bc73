package fundexchange.registry.read;

import java.math.BigDecimal;
import java.util.List;

/**
 * A custody registration and its lines. {@code decidedIndex} is 0 while PENDING_APPROVAL; a line's
 * {@code confirmedIndex} is 0 until its holder confirmed it (a PARTIAL line: the approval).
 */
public record CustodyView(long custodyId, String fundCode, String mode, String submittedBy, String documentDigest,
                          String status, String decidedBy, long decidedIndex, String reason, List<Line> entries) {
    /** One holder's line, amounts at scale 2. */
    public record Line(String holder, BigDecimal units, BigDecimal subscribed, BigDecimal paidIn, BigDecimal cost,
                       long confirmedIndex) {
    }
}
