package fundexchange.engine.custody;

import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.reference.CustodyMode;
import java.util.List;

/**
 * A request to take units into custody; its id is the index of the command that submitted it. FULL: the fund's whole
 * register, whose holders each confirm their line after approval ({@code unconfirmedHolders} lists those who have
 * not yet, sorted). PARTIAL: the submitting holder's own lot, available once approved.
 */
public record CustodyRegistration(long custodyId, String fundCode, CustodyMode mode, String submittedBy,
                                  List<CustodyEntry> entries, String documentDigest, CustodyStatus status,
                                  List<String> unconfirmedHolders) {
    public CustodyRegistration {
        entries = List.copyOf(entries);
        unconfirmedHolders = unconfirmedHolders == null ? List.of() : List.copyOf(unconfirmedHolders);
    }

    public CustodyRegistration withStatus(CustodyStatus newStatus, List<String> newUnconfirmed) {
        return new CustodyRegistration(custodyId, fundCode, mode, submittedBy, entries, documentDigest, newStatus,
                newUnconfirmed);
    }

    /** The line of {@code holder}, or null. */
    public CustodyEntry entryOf(String holder) {
        return entries.stream().filter(e -> e.holder().equals(holder)).findFirst().orElse(null);
    }
}
