package fundexchange.gateway.view;

import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.protocol.EventDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Who hears what of book orders and of the registry's custody, pledge and freeze events: an order's owner every change
 * to it, including a cancellation another participant's order caused; a custody registration's submitter all of it and
 * each other holder on the register only its own line (not who submitted it), then the approval or rejection; a holder its confirmation,
 * pledges and freezes. Called by the view's one tailer thread only.
 */
final class PositionFeed {
    /** Each live custody registration's submitter and holders, until staff approve or reject it. */
    private final Map<Long, CustodySubmitted> custody = new ConcurrentHashMap<>();
    /** Each approved registration's submitter, who hears its holders' confirmations. */
    private final Map<Long, String> submitters = new ConcurrentHashMap<>();

    /** Delivers the event if it is an order or position event; false if it is not. */
    boolean shape(EventDocument doc, Event event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case OrderAccepted e -> deliver.accept(e.owner(), FeedShaper.whole(doc, e));
            case OrderAmended e -> deliver.accept(e.owner(), FeedShaper.whole(doc, e));
            case OrderCancelled e -> deliver.accept(e.owner(), FeedShaper.whole(doc, e));
            case CustodySubmitted e -> submitted(doc, e, deliver);
            case CustodyApproved e -> decided(doc, e, e.custodyId(), deliver);
            case CustodyRejected e -> decided(doc, e, e.custodyId(), deliver);
            case HoldingConfirmed e -> {
                deliver.accept(e.holder(), FeedShaper.whole(doc, e));
                String submitter = submitters.get(e.custodyId());
                if (submitter != null && !submitter.equals(e.holder())) {
                    deliver.accept(submitter, FeedShaper.whole(doc, e));
                }
            }
            case PledgeRegistered e -> deliver.accept(e.holder(), FeedShaper.whole(doc, e));
            case PledgeReleased e -> deliver.accept(e.holder(), FeedShaper.whole(doc, e));
            case UnitsFrozen e -> deliver.accept(e.holder(), FeedShaper.whole(doc, e));
            case UnitsUnfrozen e -> deliver.accept(e.holder(), FeedShaper.whole(doc, e));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void submitted(EventDocument doc, CustodySubmitted e, BiConsumer<String, FeedEntry> deliver) {
        custody.put(e.custodyId(), e);
        deliver.accept(e.submittedBy(), FeedShaper.whole(doc, e));
        for (CustodyEntry line : e.entries()) {
            if (!line.holder().equals(e.submittedBy())) {
                Map<String, Object> own = FeedShaper.fields(e);
                own.remove("submittedBy");
                own.put("entries", List.of(FeedShaper.fields(line)));
                deliver.accept(line.holder(), FeedShaper.entry(doc, "event", own));
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
        deliver.accept(registration.submittedBy(), FeedShaper.whole(doc, e));
        registration.entries().stream().map(CustodyEntry::holder).distinct()
                .filter(holder -> !holder.equals(registration.submittedBy()))
                .forEach(holder -> deliver.accept(holder, FeedShaper.whole(doc, e)));
    }
}
