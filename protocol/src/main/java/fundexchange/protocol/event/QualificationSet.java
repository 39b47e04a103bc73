package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.DeemedCategory;
import fundexchange.protocol.reference.QualificationBasis;
import fundexchange.protocol.reference.QualificationStatus;

/**
 * An investor's qualification changed. The record fields are absent when the command gave no basis; when it did,
 * {@code verifiedBy} is always present (the proposing staff member unless named).
 */
public record QualificationSet(String participantId, QualificationStatus status, String validUntil,
                               QualificationBasis basis, DeemedCategory deemedCategory, Money netAssets,
                               Money financialAssets, Money averageIncome, String evidenceDigest, String verifiedBy)
        implements ParticipantEvent {
    public QualificationSet(String participantId, QualificationStatus status, String validUntil) {
        this(participantId, status, validUntil, null, null, null, null, null, null, null);
    }
}
