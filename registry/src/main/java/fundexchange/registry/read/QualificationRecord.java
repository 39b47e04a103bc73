package fundexchange.registry.read;

import java.math.BigDecimal;

/** One qualification decision at {@code sourceIndex}; the record fields are null when it was set without a basis. */
public record QualificationRecord(long sourceIndex, String status, String validUntil, String basis, String deemedCategory,
                                  BigDecimal netAssets, BigDecimal financialAssets, BigDecimal averageIncome,
                                  String evidenceDigest, String verifiedBy) {
}
