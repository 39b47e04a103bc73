package fundexchange.registry.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Which audit records a query selects; every present bound applies. Index bounds are inclusive, {@code toTimeMs} is
 * exclusive. {@code participant} is the signer of the command; {@code fundCode} the fund the record names.
 */
public record AuditFilter(Optional<Long> fromIndex, Optional<Long> toIndex, Optional<Long> fromTimeMs,
                          Optional<Long> toTimeMs, Optional<String> participant, Optional<String> fundCode) {
    /** Every record. */
    public static final AuditFilter ALL = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public AuditFilter {
        Objects.requireNonNull(fromIndex, "fromIndex");
        Objects.requireNonNull(toIndex, "toIndex");
        Objects.requireNonNull(fromTimeMs, "fromTimeMs");
        Objects.requireNonNull(toTimeMs, "toTimeMs");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(fundCode, "fundCode");
    }

    public AuditFilter withIndexRange(long from, long to) {
        return new AuditFilter(Optional.of(from), Optional.of(to), fromTimeMs, toTimeMs, participant, fundCode);
    }

    public AuditFilter withTimeRange(long fromMs, long toMsExclusive) {
        return new AuditFilter(fromIndex, toIndex, Optional.of(fromMs), Optional.of(toMsExclusive), participant, fundCode);
    }

    public AuditFilter withParticipant(String id) {
        return new AuditFilter(fromIndex, toIndex, fromTimeMs, toTimeMs, Optional.of(id), fundCode);
    }

    public AuditFilter withFund(String code) {
        return new AuditFilter(fromIndex, toIndex, fromTimeMs, toTimeMs, participant, Optional.of(code));
    }
}
