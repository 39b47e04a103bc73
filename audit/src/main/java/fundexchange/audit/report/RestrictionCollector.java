package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The day's pledges, freezes, suspensions and key revocations, and their releases, in journal order. */
final class RestrictionCollector {
    private final Directory directory;
    private final List<RestrictionRow> rows = new ArrayList<>();

    RestrictionCollector(Directory directory) {
        this.directory = directory;
    }

    void accept(JournalDocument doc, String type, JsonNode e) {
        switch (type == null ? "" : type) {
            case "PledgeRegistered" -> add(doc, "PLEDGE_REGISTERED", e, "holder", "pledgeId",
                    Json.text(e, "pledgee"));
            case "PledgeReleased" -> add(doc, "PLEDGE_RELEASED", e, "holder", "pledgeId", Json.text(e, "releasedBy"));
            case "UnitsFrozen" -> add(doc, "UNITS_FROZEN", e, "holder", "freezeId",
                    join(Json.text(e, "authority"), Json.text(e, "caseNumber")));
            case "UnitsUnfrozen" -> add(doc, "UNITS_UNFROZEN", e, "holder", "freezeId", Json.text(e, "reason"));
            case "ParticipantSuspended" -> add(doc, "PARTICIPANT_SUSPENDED", e, "participantId", "proposalId",
                    Json.text(e, "reason"));
            case "ParticipantReinstated" -> add(doc, "PARTICIPANT_REINSTATED", e, "participantId", "proposalId",
                    Json.text(e, "reason"));
            case "KeyRevoked" -> add(doc, "KEY_REVOKED", e, "participantId", "keyId", Json.text(e, "revokedBy"));
            default -> {
                // Not a restriction; these types are read by name so a journal of any age reports.
            }
        }
    }

    private void add(JournalDocument doc, String kind, JsonNode e, String whoField, String referenceField,
                     String detail) {
        String who = Json.text(e, whoField);
        rows.add(new RestrictionRow(doc.sourceIndex(), doc.localTime(), kind, who, directory.name(who),
                Json.text(e, "fundCode"), Json.text(e, "units"), Json.text(e, referenceField), detail));
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    List<RestrictionRow> build() {
        return rows;
    }
}
