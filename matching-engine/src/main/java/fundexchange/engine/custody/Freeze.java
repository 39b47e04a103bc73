package fundexchange.engine.custody;

import fundexchange.protocol.money.Units;

/**
 * A judicial freeze (司法冻结) of a holder's units ordered by {@code authority} in case {@code caseNumber}; its id is
 * the id of the maker-checker proposal that imposed it. {@code documentDigest} is the order's SHA-256.
 */
public record Freeze(long freezeId, String fundCode, String holder, Units units, String authority, String caseNumber,
                     String documentDigest, EncumbranceStatus status) {
    public Freeze withStatus(EncumbranceStatus newStatus) {
        return new Freeze(freezeId, fundCode, holder, units, authority, caseNumber, documentDigest, newStatus);
    }
}
