package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One row per event of the day for the typed sections; maker-checker names come from the document's approval. */
final class EventRows {
    private final Directory directory;
    private final List<TradeRow> trades = new ArrayList<>();
    private final List<SettlementRow> settlements = new ArrayList<>();
    private final List<QualificationChange> qualificationChanges = new ArrayList<>();
    private final List<ParticipantApproval> participantApprovals = new ArrayList<>();
    private final List<KeyRevocation> keyRevocations = new ArrayList<>();
    private final List<CheckpointRow> checkpoints = new ArrayList<>();
    private final List<ParameterChange> parameterChanges = new ArrayList<>();
    private String proposedBy;
    private String approvedBy;

    EventRows(Directory directory) {
        this.directory = directory;
    }

    /** A new document: no proposal approved in it yet. */
    void begin() {
        proposedBy = null;
        approvedBy = null;
    }

    void accept(JournalDocument doc, String type, JsonNode e) {
        long index = doc.sourceIndex();
        String time = doc.localTime();
        switch (type == null ? "" : type) {
            case "ProposalApproved" -> {
                proposedBy = directory.proposer(Json.number(e, "proposalId"));
                approvedBy = Json.text(e, "approver");
            }
            case "TradeExecuted" -> trades.add(trade(index, time, e));
            case "TradeSettled" -> settlements.add(new SettlementRow(Json.number(e, "tradeId"), index, time,
                    Json.text(e, "fundCode"), Json.text(e, "seller"), Json.text(e, "buyer"), Json.text(e, "units"),
                    Json.text(e, "consideration"), Json.text(e, "sellerCostReleased"), Json.number(e, "holderCount")));
            case "QualificationSet" -> qualificationChanges.add(new QualificationChange(index, time,
                    Json.text(e, "participantId"), directory.name(Json.text(e, "participantId")), Json.text(e, "status"),
                    Json.text(e, "validUntil"), proposedBy, approvedBy));
            case "ParticipantApproved" -> participantApprovals.add(new ParticipantApproval(index, time,
                    Json.text(e, "participantId"), directory.name(Json.text(e, "participantId")), proposedBy, approvedBy));
            case "KeyRevoked" -> keyRevocations.add(new KeyRevocation(index, time, Json.text(e, "participantId"),
                    directory.name(Json.text(e, "participantId")), Json.text(e, "keyId"), Json.text(e, "revokedBy")));
            case "CheckpointRecorded" -> checkpoints.add(new CheckpointRow(index, time, Json.text(e, "keyId"),
                    Json.number(e, "chainIndex"), Json.text(e, "chainHead")));
            case "PlatformParameterSet" -> parameterChanges.add(new ParameterChange(index, time, Json.text(e, "name"),
                    Json.text(e, "value"), proposedBy, approvedBy));
            default -> {
                // Other events are not reported row by row.
            }
        }
    }

    private TradeRow trade(long index, String time, JsonNode e) {
        long listingId = Json.number(e, "listingId");
        long basisPoints = Json.number(e, "percentOfNavBasisPoints");
        String mechanism = TradeMechanism.of(e, directory);
        return new TradeRow(Json.number(e, "tradeId"), listingId, mechanism, index, time,
                Json.text(e, "fundCode"), Json.text(e, "seller"), Json.text(e, "buyer"), Json.text(e, "units"),
                Json.text(e, "price"), Json.text(e, "consideration"), basisPoints,
                BigDecimal.valueOf(basisPoints, 2).toPlainString(), Json.text(e, "multipleOfCost"));
    }

    List<TradeRow> trades() {
        return trades;
    }

    List<SettlementRow> settlements() {
        return settlements;
    }

    List<QualificationChange> qualificationChanges() {
        return qualificationChanges;
    }

    List<ParticipantApproval> participantApprovals() {
        return participantApprovals;
    }

    List<KeyRevocation> keyRevocations() {
        return keyRevocations;
    }

    List<CheckpointRow> checkpoints() {
        return checkpoints;
    }

    List<ParameterChange> parameterChanges() {
        return parameterChanges;
    }
}
