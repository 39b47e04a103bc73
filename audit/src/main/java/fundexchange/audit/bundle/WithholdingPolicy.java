package fundexchange.audit.bundle;

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
}
