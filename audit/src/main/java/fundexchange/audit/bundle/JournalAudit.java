package fundexchange.audit.bundle;

import fundexchange.protocol.ChainHash;
import java.util.Optional;

/**
 * The checks of {@link AuditBundleVerifier}, fed straight from the journals one index at a time (for
 * {@code exchange verify}): the digests and links are computed from the documents as written, so what is left to
 * check is the documents themselves, every signature with the keys as of that index, and every checkpoint against the
 * recomputed chain. Nothing is withheld. Stop at the first finding: after one the state is not meaningful.
 */
public final class JournalAudit {
    private final AuditBundleVerifier verifier = new AuditBundleVerifier(Optional.empty());

    /** A failed check: where and what, and which part of the index it is about. */
    public record Finding(Problem problem, Part part) {
    }

    /** Checks the command record and event document of {@code index} (the next index) as written. */
    public Optional<Finding> check(long index, byte[] command, byte[] event) {
        String commandDigest = ChainHash.hex(ChainHash.digest(command));
        String eventDigest = ChainHash.hex(ChainHash.digest(event));
        String link = ChainHash.auditLink(verifier.chainHead(), ChainHash.bytes(commandDigest), ChainHash.bytes(eventDigest));
        try {
            verifier.check(index, new BundleLine(index, command, event, false, commandDigest, eventDigest, link));
            return Optional.empty();
        } catch (BrokenBundle broken) {
            return Optional.of(new Finding(broken.problem(), broken.part()));
        }
    }

    /**
     * What checking the signature of a command no event document answers yet found: a failure, or why its signature
     * could not be checked (an unknown or revoked key, which the engine rejects unless an earlier such command
     * registers it), or neither (verified, or unsigned by contract).
     */
    public record Unapplied(Optional<Finding> finding, Optional<String> unverifiable) {
    }

    /**
     * Checks the signature of the command of {@code index}, which no event document answers yet, with the keys as of
     * the last index {@link #check}ed; changes nothing.
     */
    public Unapplied checkUnapplied(long index, byte[] command) {
        try {
            return verifier.unapplied(index, command) instanceof Authenticity.RejectedUnverifiable rejected
                    ? new Unapplied(Optional.empty(), Optional.of(rejected.reason()))
                    : new Unapplied(Optional.empty(), Optional.empty());
        } catch (BrokenBundle broken) {
            return new Unapplied(Optional.of(new Finding(broken.problem(), broken.part())), Optional.empty());
        }
    }

    /** The link of the last index checked ({@code link(n)}, docs/audit.md), to compare with a published checkpoint. */
    public String head() {
        return verifier.chainHead();
    }

    /** The counts so far (signatures, checkpoints, commitments), as for a valid bundle of the indexes checked. */
    public VerificationReport report() {
        return verifier.report(Optional.empty());
    }
}
