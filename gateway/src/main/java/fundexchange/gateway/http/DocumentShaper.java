package fundexchange.gateway.http;

import fundexchange.protocol.disclosure.Disclosure;
import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.disclosure.Shown;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.gateway.auth.Caller;
import fundexchange.protocol.EventDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Shapes an event document for the participant it answers (a write's answer, {@code GET /requests/{id}}), as
 * {@link DisclosurePolicy#inAnswer} decides (CONTRACTS.md 12): staff and regulators see it whole but for a sealed
 * bid's price and nonce; anyone else sees only the events that name them (a document may also carry deadline events
 * of other listings).
 */
final class DocumentShaper {
    private DocumentShaper() {
    }

    static EventDocument forCaller(EventDocument document, Caller caller) {
        List<Event> shown = new ArrayList<>();
        for (Event event : document.events()) {
            Disclosure disclosure = DisclosurePolicy.inAnswer(Viewers.viewer(caller), event);
            if (!(disclosure instanceof Disclosure.Withheld)) {
                shown.add(shaped(event, disclosure));
            }
        }
        return new EventDocument(document.version(), document.sourceIndex(), document.time(), document.participant(),
                document.clientRequestId(), document.outcome(), shown);
    }

    /** The event record as disclosed: whole, or a sealed bid with its commitment but not its price and nonce. */
    private static Event shaped(Event event, Disclosure disclosure) {
        if (disclosure instanceof Disclosure.Whole) {
            return event;
        }
        if (event instanceof SealedBidPlaced bid && disclosure.field("price") instanceof Shown.Hidden
                && disclosure.field("nonce") instanceof Shown.Hidden) {
            return bid.sealed();
        }
        throw new IllegalStateException("an answer cannot show " + event.getClass().getSimpleName() + " as " + disclosure);
    }
}
