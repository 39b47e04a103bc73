package fundexchange.audit.bundle;

import java.util.Optional;

/**
 * Decides which command bodies an export leaves out (CONTRACTS.md 12: a sealed bid's body stays out of every bundle
 * until its listing closes). A withheld line keeps the command's digest, so the chain still verifies.
 */
@FunctionalInterface
public interface WithholdingPolicy {
    /** Withholds nothing: every command body is in the bundle. */
    WithholdingPolicy NONE = (index, commandDocument) -> false;

    /**
     * @param index           the journal index
     * @param commandDocument the command record's bytes as written
     */
    boolean withhold(long index, byte[] commandDocument);

    /**
     * The event document of {@code index} re-encoded without what must stay secret, or empty to export it as written.
     * A redacted document forces its command to be withheld too, and its line keeps the digest of the document as
     * written, so the chain still verifies.
     *
     * @param eventDocument the event document's bytes as written
     */
    default Optional<byte[]> redactEvent(long index, byte[] eventDocument) {
        return Optional.empty();
    }
}
