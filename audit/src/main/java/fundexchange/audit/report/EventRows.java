package fundexchange.audit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.event.TransferTermsSet;
import fundexchange.protocol.event.BookEvent;
import fundexchange.protocol.event.CheckpointRecorded;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.FundRegistered;
import fundexchange.protocol.event.HoldingEvent;
import fundexchange.protocol.event.HolidaysSet;
import fundexchange.protocol.event.IntentEvent;
import fundexchange.protocol.event.KeyEvent;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ListingEvent;
import fundexchange.protocol.event.NavUpdated;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantEvent;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.PlatformEvent;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.event.TradeEvent;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.journal.JournalCodec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row per event of the day for the typed sections; maker-checker names come from the document's approval. Every
 * event group is placed here; the listing, pledge, freeze and failed-settlement sections are collected by type name.
 */
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

    /**
     * The rows of one event. Its record decides the section (so a new event type must be placed here by the
     * compiler); the row's values are the journaled text. A type this version cannot read has no row.
     */
    void accept(JournalDocument doc, Event event, JsonNode e) {
        switch (event) {
            case PlatformEvent p -> platform(doc, p, e);
            case ParticipantEvent p -> participant(doc, p, e);
            case KeyEvent k -> key(doc, k, e);
            case TradeEvent t -> trade(doc, t, e);
            case ListingEvent l -> { } // the listings section's (ListingCollector)
            case HoldingEvent h -> { } // pledges and freezes are counted by type (WatchedCollector)
            case BookEvent b -> { }
            case IntentEvent i -> { }
            case fundexchange.protocol.event.StateOwnedEvent s -> { }
            case fundexchange.protocol.event.DocumentEvent d -> { }
            case fundexchange.protocol.event.CashEvent c -> { } // no cash section in the daily report yet (issue 22)
        }
    }

    private void platform(JournalDocument doc, PlatformEvent event, JsonNode e) {
        switch (event) {
            case ProposalApproved p -> {
                proposedBy = directory.proposer(Json.number(e, "proposalId"));
                approvedBy = Json.text(e, "approver");
            }
            case CheckpointRecorded c -> checkpoints.add(new CheckpointRow(doc.sourceIndex(), doc.localTime(),
                    Json.text(e, "keyId"), Json.number(e, "chainIndex"), Json.text(e, "chainHead")));
            case PlatformParameterSet p -> parameterChanges.add(new ParameterChange(doc.sourceIndex(), doc.localTime(),
                    Json.text(e, "name"), Json.text(e, "value"), proposedBy, approvedBy));
            case ProposalCreated p -> { }
            case ProposalExpired p -> { }
            case HolidaysSet h -> { }
            case FundRegistered f -> { }
            case TransferTermsSet t -> { }
            case fundexchange.protocol.event.MarketDataConsentSet m -> { }
            case NavUpdated n -> { }
        }
    }

    private void participant(JournalDocument doc, ParticipantEvent event, JsonNode e) {
        switch (event) {
            case QualificationSet q -> qualificationChanges.add(new QualificationChange(doc.sourceIndex(),
                    doc.localTime(), Json.text(e, "participantId"), directory.name(Json.text(e, "participantId")),
                    Json.text(e, "status"), Json.text(e, "validUntil"), proposedBy, approvedBy));
            case ParticipantApproved p -> participantApprovals.add(new ParticipantApproval(doc.sourceIndex(),
                    doc.localTime(), Json.text(e, "participantId"), directory.name(Json.text(e, "participantId")),
                    proposedBy, approvedBy));
            case ParticipantRegistered p -> { }
            case ParticipantSuspended p -> { }
            case ParticipantReinstated p -> { }
        }
    }

    private void key(JournalDocument doc, KeyEvent event, JsonNode e) {
        switch (event) {
            case KeyRevoked k -> keyRevocations.add(new KeyRevocation(doc.sourceIndex(), doc.localTime(),
                    Json.text(e, "participantId"), directory.name(Json.text(e, "participantId")), Json.text(e, "keyId"),
                    Json.text(e, "revokedBy")));
            case KeyRegistered k -> { }
            case ExchangeKeyRegistered k -> { }
        }
    }

    private void trade(JournalDocument doc, TradeEvent event, JsonNode e) {
        switch (event) {
            case TradeExecuted t -> trades.add(trade(doc.sourceIndex(), doc.localTime(), e));
            case TradeSettled t -> settlements.add(new SettlementRow(Json.number(e, "tradeId"), doc.sourceIndex(),
                    doc.localTime(), Json.text(e, "fundCode"), Json.text(e, "seller"), Json.text(e, "buyer"),
                    Json.text(e, "units"), Json.text(e, "consideration"), Json.text(e, "sellerCostReleased"),
                    Json.number(e, "holderCount")));
            case TradeFailed t -> { } // counted by type (WatchedCollector)
        }
    }

    /** The event as its record; empty for a type this version does not know, or a body it cannot read. */
    static Optional<Event> typed(JsonNode e) {
        try {
            return Optional.of(JournalCodec.mapper().treeToValue(e, Event.class));
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return Optional.empty();
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
