package fundexchange.gateway.view;

import fundexchange.protocol.disclosure.Relation;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.event.BookBatchSettled;
import fundexchange.protocol.event.BookEvent;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.HoldingEvent;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.protocol.EventDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Who hears of book orders and of holdings (deposits, custody, pledges, freezes): an order's owner every change to it,
 * including a cancellation another participant's order caused; a holder its deposits; a custody registration's
 * submitter and each other holder on the register (which {@link fundexchange.protocol.disclosure.DisclosurePolicy}
 * shows only its own line, not who submitted it), then the approval or rejection; a holder its confirmation (and the
 * submitter), pledges and freezes. Called by the view's one tailer thread only.
 */
final class PositionFeed {
    /** Each live custody registration's submitter and holders, until staff approve or reject it. */
    private final Map<Long, CustodySubmitted> custody = new ConcurrentHashMap<>();
    /** Each approved registration's submitter, who hears its holders' confirmations. */
    private final Map<Long, String> submitters = new ConcurrentHashMap<>();

    /** An order's owner hears of every change to it; the books' own events are the oversight feed's only. */
    void book(EventDocument doc, BookEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case BookOpened e -> { }
            case BookHalted e -> { }
            case OrderAccepted e -> FeedShaper.to(e.owner(), Relation.SELF, doc, e, deliver);
            case OrderAmended e -> FeedShaper.to(e.owner(), Relation.SELF, doc, e, deliver);
            case OrderCancelled e -> FeedShaper.to(e.owner(), Relation.SELF, doc, e, deliver);
            case BookBatchSettled e -> { }
        }
    }

    void holding(EventDocument doc, HoldingEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case UnitsDeposited e -> FeedShaper.to(e.holder(), Relation.SELF, doc, e, deliver);
            case CustodySubmitted e -> submitted(doc, e, deliver);
            case CustodyApproved e -> decided(doc, e, e.custodyId(), deliver);
            case CustodyRejected e -> decided(doc, e, e.custodyId(), deliver);
            case HoldingConfirmed e -> {
                FeedShaper.to(e.holder(), Relation.SELF, doc, e, deliver);
                String submitter = submitters.get(e.custodyId());
                if (submitter != null && !submitter.equals(e.holder())) {
                    FeedShaper.to(submitter, Relation.COUNTERPARTY, doc, e, deliver);
                }
            }
            case PledgeRegistered e -> FeedShaper.to(e.holder(), Relation.SELF, doc, e, deliver);
            case PledgeReleased e -> FeedShaper.to(e.holder(), Relation.SELF, doc, e, deliver);
            case UnitsFrozen e -> FeedShaper.to(e.holder(), Relation.SELF, doc, e, deliver);
            case UnitsUnfrozen e -> FeedShaper.to(e.holder(), Relation.SELF, doc, e, deliver);
        }
    }

    /** The submitter hears of its registration; each other holder on it of its own line, once per line. */
    private void submitted(EventDocument doc, CustodySubmitted e, BiConsumer<String, FeedEntry> deliver) {
        custody.put(e.custodyId(), e);
        FeedShaper.to(e.submittedBy(), Relation.SELF, doc, e, deliver);
        for (CustodyEntry line : e.entries()) {
            if (!line.holder().equals(e.submittedBy())) {
                CustodySubmitted oneLine = new CustodySubmitted(e.custodyId(), e.fundCode(), e.mode(), e.submittedBy(),
                        List.of(line), e.documentDigest());
                FeedShaper.to(line.holder(), Relation.COUNTERPARTY, doc, oneLine, deliver);
            }
        }
    }

    private void decided(EventDocument doc, Event e, long custodyId, BiConsumer<String, FeedEntry> deliver) {
        CustodySubmitted registration = custody.remove(custodyId);
        if (registration == null) {
            return;
        }
        if (e instanceof CustodyApproved) {
            submitters.put(custodyId, registration.submittedBy());
        }
        FeedShaper.to(registration.submittedBy(), Relation.SELF, doc, e, deliver);
        registration.entries().stream().map(CustodyEntry::holder).distinct()
                .filter(holder -> !holder.equals(registration.submittedBy()))
                .forEach(holder -> FeedShaper.to(holder, Relation.COUNTERPARTY, doc, e, deliver));
    }
}
