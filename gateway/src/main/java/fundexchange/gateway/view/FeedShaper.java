package fundexchange.gateway.view;

import fundexchange.engine.event.Event;
import fundexchange.engine.event.KeyRegistered;
import fundexchange.engine.event.KeyRevoked;
import fundexchange.engine.event.ListingDeclined;
import fundexchange.engine.event.ListingExpired;
import fundexchange.engine.event.ListingWithdrawn;
import fundexchange.engine.event.ListingOpened;
import fundexchange.engine.event.ListingSubmitted;
import fundexchange.engine.event.ParticipantApproved;
import fundexchange.engine.event.ParticipantRegistered;
import fundexchange.engine.event.QualificationSet;
import fundexchange.engine.event.TradeExecuted;
import fundexchange.engine.event.TradeSettled;
import fundexchange.engine.event.UnitsDeposited;
import fundexchange.journal.EventDocument;
import fundexchange.journal.JournalCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Decides who sees what of each event document. Staff and regulators see whole documents; a counterparty sees only
 * events that concern it, with the other side as a pseudonym until the trade (CONTRACTS.md 12). A pseudonym is the
 * participant's ordinal within the listing in journal order: the seller is P1, the named buyer P2.
 */
final class FeedShaper {
    private final ConcurrentHashMap<Long, ListingSubmitted> listings = new ConcurrentHashMap<>();
    private final java.util.Set<Long> opened = ConcurrentHashMap.newKeySet();

    void shape(EventDocument doc, BiConsumer<String, FeedEntry> deliver) {
        deliver.accept(FeedStore.EVERYTHING, entry(doc, "document", JournalCodec.mapper().convertValue(doc, MAP)));
        if (doc.participant() != null) {
            Map<String, Object> own = new LinkedHashMap<>();
            own.put("clientRequestId", doc.clientRequestId());
            own.put("outcome", doc.outcome());
            deliver.accept(doc.participant(), entry(doc, "outcome", own));
        }
        for (Event event : doc.events()) {
            shapeEvent(doc, event, deliver);
        }
    }

    private void shapeEvent(EventDocument doc, Event event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case ParticipantRegistered e -> deliver.accept(e.participantId(), whole(doc, e));
            case ParticipantApproved e -> deliver.accept(e.participantId(), whole(doc, e));
            case QualificationSet e -> deliver.accept(e.participantId(), whole(doc, e));
            case KeyRegistered e -> deliver.accept(e.participantId(), whole(doc, e));
            case KeyRevoked e -> deliver.accept(e.participantId(), whole(doc, e));
            case UnitsDeposited e -> deliver.accept(e.holder(), whole(doc, e));
            case ListingSubmitted e -> {
                listings.put(e.listingId(), e);
                deliver.accept(e.seller(), whole(doc, e));
            }
            case ListingOpened e -> {
                ListingSubmitted listing = listings.get(e.listingId());
                opened.add(e.listingId());
                deliver.accept(listing.seller(), whole(doc, e));
                Map<String, Object> offer = new LinkedHashMap<>();
                offer.put("type", "ListingOpened");
                offer.put("listingId", listing.listingId());
                offer.put("fundCode", listing.fundCode());
                offer.put("units", listing.units());
                offer.put("price", listing.price());
                offer.put("expiresAt", listing.expiresAt());
                offer.put("seller", "P1");
                offer.put("you", "P2");
                deliver.accept(listing.buyer(), entry(doc, "event", offer));
            }
            case ListingExpired e -> {
                ListingSubmitted listing = listings.remove(e.listingId());
                deliver.accept(listing.seller(), whole(doc, e));
                if (opened.remove(e.listingId())) {
                    deliver.accept(listing.buyer(), whole(doc, e));
                }
            }
            case ListingDeclined e -> closed(doc, e, e.listingId(), deliver);
            case ListingWithdrawn e -> closed(doc, e, e.listingId(), deliver);
            case TradeExecuted e -> {
                listings.remove(e.listingId());
                opened.remove(e.listingId());
                deliver.accept(e.seller(), whole(doc, e));
                deliver.accept(e.buyer(), whole(doc, e));
            }
            case TradeSettled e -> {
                deliver.accept(e.seller(), whole(doc, e));
                deliver.accept(e.buyer(), whole(doc, e));
            }
            default -> {
            }
        }
    }

    /** A listing closed without a trade: both sides hear of it (the buyer only if it was opened to them). */
    private void closed(EventDocument doc, Event event, long listingId, BiConsumer<String, FeedEntry> deliver) {
        ListingSubmitted listing = listings.remove(listingId);
        deliver.accept(listing.seller(), whole(doc, event));
        if (opened.remove(listingId)) {
            deliver.accept(listing.buyer(), whole(doc, event));
        }
    }

    private static final Class<Map<String, Object>> MAP = mapType();

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

    private static FeedEntry whole(EventDocument doc, Event event) {
        return entry(doc, "event", JournalCodec.mapper().convertValue(event, MAP));
    }

    private static FeedEntry entry(EventDocument doc, String kind, Map<String, Object> data) {
        return new FeedEntry(doc.sourceIndex(), doc.time(), kind, data);
    }
}
