package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.DeemedCategory;
import fundexchange.protocol.reference.QualificationBasis;
import fundexchange.protocol.reference.QualificationStatus;

/**
 * Records an investor's qualification and its validity (ISO date, inclusive). The qualification record fields are
 * optional (journals written before them carry none): {@code basis}, the amounts it is tested on ({@code netAssets},
 * {@code financialAssets}, {@code averageIncome}) against the platform's thresholds, {@code deemedCategory} for
 * DEEMED, the SHA-256 of the evidence and who verified it (default: the proposing staff member).
 */
public record SetQualification(String participantId, QualificationStatus status, String validUntil,
                               QualificationBasis basis, DeemedCategory deemedCategory, Money netAssets,
                               Money financialAssets, Money averageIncome, String evidenceDigest, String verifiedBy)
        implements SensitiveAction {
    /** A qualification without a record (status and validity only). */
    public SetQualification(String participantId, QualificationStatus status, String validUntil) {
        this(participantId, status, validUntil, null, null, null, null, null, null, null);
    }
}
