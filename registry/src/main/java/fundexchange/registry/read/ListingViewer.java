package fundexchange.registry.read;

import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.disclosure.Viewer;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.Role;
import java.util.Objects;
import java.util.Set;

/**
 * Who reads, as the registry's reads take it: a {@link Viewer}, whose rows are the {@link DisclosurePolicy}'s scopes
 * (listings, offers, quotes, matches, own intents, orders and bids), which each read translates to SQL.
 */
public record ListingViewer(Viewer viewer) {
    public ListingViewer {
        Objects.requireNonNull(viewer, "viewer");
    }

    public static ListingViewer of(Viewer viewer) {
        return new ListingViewer(viewer);
    }

    /** A staff member or regulator in good standing. */
    public static ListingViewer oversight(String participantId) {
        return new ListingViewer(new Viewer(participantId, Set.of(Role.STAFF), ParticipantStatus.ACTIVE, false));
    }

    /** Anyone else: an investor qualified today or not. */
    public static ListingViewer participant(String participantId, boolean qualifiedInvestor) {
        return new ListingViewer(new Viewer(participantId, qualifiedInvestor ? Set.of(Role.INVESTOR) : Set.of(),
                ParticipantStatus.ACTIVE, qualifiedInvestor));
    }

    public String participantId() {
        return viewer.participantId();
    }
}
