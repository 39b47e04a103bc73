package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.event.BookEvent;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.HoldingEvent;
import fundexchange.protocol.event.IntentEvent;
import fundexchange.protocol.event.KeyEvent;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ListingEvent;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantEvent;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.PlatformEvent;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.event.TradeEvent;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import java.util.ArrayList;
import java.util.List;

/** The day's pledges, freezes, suspensions and key revocations, and their releases, in journal order. */
final class RestrictionCollector {
    private final Directory directory;
    private final List<RestrictionRow> rows = new ArrayList<>();

    RestrictionCollector(Directory directory) {
        this.directory = directory;
    }

    /**
     * The restriction row of one event, if it is one. Its record decides (so the compiler names this class for every
     * new holding, participant or key event); the row's values are the journaled text.
     */
    void accept(JournalDocument doc, Event event, JsonNode e) {
        switch (event) {
            case HoldingEvent h -> holding(doc, h, e);
            case ParticipantEvent p -> participant(doc, p, e);
            case KeyEvent k -> key(doc, k, e);
            case PlatformEvent p -> { }
            case ListingEvent l -> { }
            case TradeEvent t -> { }
            case BookEvent b -> { }
            case IntentEvent i -> { }
            case fundexchange.protocol.event.StateOwnedEvent s -> { }
            case fundexchange.protocol.event.DocumentEvent d -> { }
            case fundexchange.protocol.event.CashEvent c -> { }
        }
    }

    private void key(JournalDocument doc, KeyEvent event, JsonNode e) {
        switch (event) {
            case KeyRevoked k -> add(doc, "KEY_REVOKED", e, "participantId", "keyId", Json.text(e, "revokedBy"));
            case KeyRegistered k -> { }
            case ExchangeKeyRegistered k -> { }
        }
    }

    private void holding(JournalDocument doc, HoldingEvent event, JsonNode e) {
        switch (event) {
            case PledgeRegistered p -> add(doc, "PLEDGE_REGISTERED", e, "holder", "pledgeId", Json.text(e, "pledgee"));
            case PledgeReleased p -> add(doc, "PLEDGE_RELEASED", e, "holder", "pledgeId", Json.text(e, "releasedBy"));
            case UnitsFrozen f -> add(doc, "UNITS_FROZEN", e, "holder", "freezeId",
                    join(Json.text(e, "authority"), Json.text(e, "caseNumber")));
            case UnitsUnfrozen u -> add(doc, "UNITS_UNFROZEN", e, "holder", "freezeId", Json.text(e, "reason"));
            case UnitsDeposited d -> { }
            case CustodySubmitted c -> { }
            case CustodyApproved c -> { }
            case CustodyRejected c -> { }
            case HoldingConfirmed c -> { }
        }
    }

    private void participant(JournalDocument doc, ParticipantEvent event, JsonNode e) {
        switch (event) {
            case ParticipantSuspended s -> add(doc, "PARTICIPANT_SUSPENDED", e, "participantId", "proposalId",
                    Json.text(e, "reason"));
            case ParticipantReinstated r -> add(doc, "PARTICIPANT_REINSTATED", e, "participantId", "proposalId",
                    Json.text(e, "reason"));
            case ParticipantRegistered r -> { }
            case ParticipantApproved a -> { }
            case QualificationSet q -> { }
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
