package fundexchange.protocol.event;

import fundexchange.protocol.command.ClearRofr;
import java.util.List;

/** Staff recorded the right of first refusal on a listing: who waived, or who exercised. */
public record RofrCleared(long listingId, ClearRofr.RofrDecision decision, List<String> waivedBy, String exercisedBy,
                          String recordedBy) implements ListingEvent {
}
