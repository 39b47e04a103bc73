package fundexchange.audit.bundle;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link AuditBundleVerifier#verify}.
 *
 * @param valid              true when every line passed every check
 * @param recordsChecked     lines (journal indices) that passed every check; on failure, those before the problem
 * @param signaturesVerified participant signatures re-verified; rejected commands whose key was unknown or revoked
 *                           at their index are checked but not counted here
 * @param checkpointsVerified checkpoints whose exchange signature and chain head were verified
 * @param withheld           lines whose command body was withheld (only its digest is in the bundle)
 * @param commitmentsOpened  distinct sealed bids whose commitment was checked against a nonce and price (shown as
 *                           written, revealed by its auction's close, or both)
 * @param firstProblem       where verification stopped; empty when valid
 * @param platformId         the platform id the bundle's genesis binds its signatures to; empty if no genesis was read
 * @param bundleVersion      the version of the bundle's header: 2 when the lines carry renderings (on a valid report,
 *                           every one was checked against its bytes), 1 when they carry none; 0 when no header was
 *                           read (a journal read in place, or a header that failed)
 */
public record VerificationReport(boolean valid, long recordsChecked, long signaturesVerified, long checkpointsVerified,
                                 long withheld, long commitmentsOpened, Optional<Problem> firstProblem,
                                 Optional<String> platformId, int bundleVersion) {
    public VerificationReport {
        Objects.requireNonNull(firstProblem, "firstProblem");
        Objects.requireNonNull(platformId, "platformId");
        if (valid == firstProblem.isPresent()) {
            throw new IllegalArgumentException("a report is valid exactly when it names no problem");
        }
    }

    /** One human-readable paragraph: the verdict, the problem if any, and the counts. */
    public String message() {
        String counts = recordsChecked + " records checked, " + signaturesVerified + " participant signatures verified, "
                + checkpointsVerified + " checkpoints verified, " + withheld + " commands withheld, " + commitmentsOpened
                + " sealed-bid commitments opened" + switch (bundleVersion) {
                    case 2 -> valid ? " (bundle version 2: renderings checked against the bytes)" : " (bundle version 2)";
                    case 1 -> " (bundle version 1: no renderings)";
                    default -> "";
                };
        String platform = "platform " + platformId.orElse("unknown") + ": ";
        return firstProblem.map(p -> "INVALID at " + p + System.lineSeparator() + "before it: " + platform + counts)
                .orElse("VALID: " + platform + counts);
    }
}
