package fundexchange.protocol.event;

import fundexchange.protocol.command.ClearRofr;
import java.util.List;

/**
 * Staff recorded the right of first refusal on a listing: who waived, or who exercised. {@code reason} (optional,
 * added with the override) is given when staff overrode it by maker-checker ({@code OverrideRofr}); {@code recordedBy}
 * is then the maker.
 */
public record RofrCleared(long listingId, ClearRofr.RofrDecision decision, List<String> waivedBy, String exercisedBy,
                          String recordedBy, String reason) implements ListingEvent {
    /** A record without a reason (ClearRofr). */
    public RofrCleared(long listingId, ClearRofr.RofrDecision decision, List<String> waivedBy, String exercisedBy,
                       String recordedBy) {
        this(listingId, decision, waivedBy, exercisedBy, recordedBy, null);
    }
}
