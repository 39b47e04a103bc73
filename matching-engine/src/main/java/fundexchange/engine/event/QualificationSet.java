package fundexchange.engine.event;

import fundexchange.engine.money.Money;
import fundexchange.engine.reference.DeemedCategory;
import fundexchange.engine.reference.QualificationBasis;
import fundexchange.engine.reference.QualificationStatus;

/**
 * An investor's qualification changed. The record fields are absent when the command gave no basis; when it did,
 * {@code verifiedBy} is always present (the proposing staff member unless named).
 */
public record QualificationSet(String participantId, QualificationStatus status, String validUntil,
                               QualificationBasis basis, DeemedCategory deemedCategory, Money netAssets,
                               Money financialAssets, Money averageIncome, String evidenceDigest, String verifiedBy)
        implements Event {
    public QualificationSet(String participantId, QualificationStatus status, String validUntil) {
        this(participantId, status, validUntil, null, null, null, null, null, null, null);
    }
}
