package fundexchange.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Shapes an event document for the participant it answers (CONTRACTS.md 12): staff and regulators see it whole; anyone
 * else sees only the events that name them (a document may also carry deadline events of other listings). A sealed
 * bid's price reaches only its bidder, never staff or regulators, before the close.
 Events that concern two parties before their trade (quotes, match
 * proposals) name neither; {@code MatchAgreed} and {@code TradeExecuted} name both, the moment identities are revealed.
 */
final class DocumentShaper {
    private static final Set<String> PARTY_FIELDS = Set.of("participantId", "holder", "seller", "buyer", "bidder", "owner", "investor",
            "proposer", "approver", "revokedBy");

    private DocumentShaper() {
    }

    static EventDocument forCaller(EventDocument document, Caller caller) {
        boolean oversight = caller.hasAny(Role.STAFF, Role.REGULATOR);
        List<Event> shown = new ArrayList<>();
        for (Event event : document.events()) {
            if (oversight || names(event, caller.participantId())) {
                shown.add(sealed(event, caller.participantId()));
            }
        }
        return new EventDocument(document.version(), document.sourceIndex(), document.time(), document.participant(),
                document.clientRequestId(), document.outcome(), shown);
    }

    /** A sealed bid keeps its price and nonce only for its bidder; others see its commitment. */
    private static Event sealed(Event event, String viewer) {
        if (event instanceof SealedBidPlaced bid && !bid.bidder().equals(viewer)) {
            return bid.sealed();
        }
        return event;
    }

    private static boolean names(Event event, String participantId) {
        JsonNode node = JournalCodec.mapper().valueToTree(event);
        for (String field : PARTY_FIELDS) {
            if (participantId.equals(node.path(field).asText(null))) {
                return true;
            }
        }
        return false;
    }
}
