package fundexchange.protocol.event;

import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.reference.CustodyMode;
import java.util.List;

/** A custody registration awaits staff approval; entries are sorted by holder, each with its cost basis filled in. */
public record CustodySubmitted(long custodyId, String fundCode, CustodyMode mode, String submittedBy,
                               List<CustodyEntry> entries, String documentDigest) implements HoldingEvent {
    public CustodySubmitted {
        entries = List.copyOf(entries);
    }
}
