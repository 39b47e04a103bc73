package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report needs to know from the whole journal so far, not only the day: participant names, who proposed
 * each maker-checker proposal, and each listing's mechanism. Lookups only; nothing here is iterated.
 */
final class Directory {
    private final Map<String, String> names = new TreeMap<>();
    private final Map<Long, String> proposers = new TreeMap<>();
    private final Map<Long, String> mechanisms = new TreeMap<>();

    void learn(String type, JsonNode event) {
        if ("ParticipantRegistered".equals(type)) {
            names.put(Json.text(event, "participantId"), Json.text(event, "name"));
        } else if ("ProposalCreated".equals(type)) {
            proposers.put(Json.number(event, "proposalId"), Json.text(event, "proposer"));
        }
        ListingMechanisms.createdBy(type, event)
                .ifPresent(mechanism -> mechanisms.putIfAbsent(Json.number(event, "listingId"), mechanism));
    }

    String name(String participantId) {
        return participantId == null ? null : names.get(participantId);
    }

    String proposer(long proposalId) {
        return proposers.get(proposalId);
    }

    String mechanism(long listingId) {
        return mechanisms.getOrDefault(listingId, ListingMechanisms.UNKNOWN);
    }
}
