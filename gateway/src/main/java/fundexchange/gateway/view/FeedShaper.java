package fundexchange.gateway.view;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingDeclined;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Decides who sees what of each event document (CONTRACTS.md 12). Staff and regulators see whole documents, except a
 * sealed bid's price, which reaches nobody but its bidder before the close. A counterparty sees only events that
 * concern it, with the other side as a pseudonym until the trade. A pseudonym is the participant's ordinal within the
 * listing in journal order: on a negotiated listing the seller is P1 and the named buyer P2; on an auction the bidders
 * are P1, P2, ... in the order they first bid. Called by the view's one tailer thread only.
 */
final class FeedShaper {
    private final Map<Long, ListingSubmitted> listings = new ConcurrentHashMap<>();
    private final IntentFeed intents = new IntentFeed();
    private final PositionFeed positions = new PositionFeed();
    private final Set<Long> opened = ConcurrentHashMap.newKeySet();
    /** Each live auction's bidders, in the order they first bid. */
    private final Map<Long, Set<String>> bidders = new ConcurrentHashMap<>();

    void shape(EventDocument doc, BiConsumer<String, FeedEntry> deliver) {
        deliver.accept(FeedStore.EVERYTHING, entry(doc, "document", sealed(doc)));
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

    /** The whole document for staff and regulators, every {@code SealedBidPlaced} without its price and nonce. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sealed(EventDocument doc) {
        Map<String, Object> whole = JournalCodec.mapper().convertValue(doc, MAP);
        if (doc.events().stream().anyMatch(SealedBidPlaced.class::isInstance)) {
            for (Object event : (List<Object>) whole.get("events")) {
                Map<String, Object> fields = (Map<String, Object>) event;
                if ("SealedBidPlaced".equals(fields.get("type"))) {
                    fields.remove("price");
                    fields.remove("nonce");
                }
            }
        }
        return whole;
    }

    private void shapeEvent(EventDocument doc, Event event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case ParticipantRegistered e -> deliver.accept(e.participantId(), whole(doc, e));
            case ParticipantApproved e -> deliver.accept(e.participantId(), whole(doc, e));
            case ParticipantSuspended e -> deliver.accept(e.participantId(), whole(doc, e));
            case ParticipantReinstated e -> deliver.accept(e.participantId(), whole(doc, e));
            case QualificationSet e -> deliver.accept(e.participantId(), whole(doc, e));
            case KeyRegistered e -> deliver.accept(e.participantId(), whole(doc, e));
            case KeyRevoked e -> deliver.accept(e.participantId(), whole(doc, e));
            case UnitsDeposited e -> deliver.accept(e.holder(), whole(doc, e));
            case ListingSubmitted e -> {
                listings.put(e.listingId(), e);
                deliver.accept(e.seller(), whole(doc, e));
            }
            case ListingOpened e -> opened(doc, e, deliver);
            case RofrCleared e -> {
                Map<String, Object> decision = fields(e);
                decision.keySet().retainAll(Set.of("type", "listingId", "decision"));
                deliver.accept(listings.get(e.listingId()).seller(), entry(doc, "event", decision));
            }
            case BidPlaced e -> {
                deliver.accept(e.bidder(), whole(doc, e));
                Map<String, Object> seen = pseudonymous(e, e.pseudonym());
                deliver.accept(listings.get(e.listingId()).seller(), entry(doc, "event", seen));
                for (String other : bidders(e.listingId())) {
                    if (!other.equals(e.bidder())) {
                        deliver.accept(other, entry(doc, "event", seen));
                    }
                }
                bidders(e.listingId()).add(e.bidder());
            }
            case SealedBidPlaced e -> {
                deliver.accept(e.bidder(), whole(doc, e));
                Map<String, Object> seen = pseudonymous(e, e.pseudonym());
                seen.remove("price");
                seen.remove("nonce");
                deliver.accept(listings.get(e.listingId()).seller(), entry(doc, "event", seen));
                bidders(e.listingId()).add(e.bidder());
            }
            case BidCancelled e -> {
                deliver.accept(e.bidder(), whole(doc, e));
                deliver.accept(listings.get(e.listingId()).seller(), entry(doc, "event", pseudonymous(e, e.pseudonym())));
            }
            case AuctionClosed e -> {
                deliver.accept(listings.get(e.listingId()).seller(), entry(doc, "event", closedFor(e, null)));
                for (String bidder : bidders(e.listingId())) {
                    deliver.accept(bidder, entry(doc, "event", closedFor(e, bidder)));
                }
            }
            case ListingExpired e -> ended(doc, e, e.listingId(), true, deliver);
            case ListingDeclined e -> ended(doc, e, e.listingId(), true, deliver);
            case ListingWithdrawn e -> ended(doc, e, e.listingId(), true, deliver);
            case ListingCancelled e -> ended(doc, e, e.listingId(), e.rejectCode() != RejectCode.ROFR_NOT_CLEARED.code(), deliver);
            case TradeExecuted e -> {
                forget(e.listingId());
                deliver.accept(e.seller(), whole(doc, e));
                deliver.accept(e.buyer(), whole(doc, e));
            }
            case TradeSettled e -> {
                deliver.accept(e.seller(), whole(doc, e));
                deliver.accept(e.buyer(), whole(doc, e));
            }
            case TradeFailed e -> {
                deliver.accept(e.seller(), whole(doc, e));
                deliver.accept(e.buyer(), whole(doc, e));
            }
            default -> {
                if (!positions.shape(doc, event, deliver)) {
                    intents.shape(doc, event, deliver);
                }
            }
        }
    }

    /** The seller hears of the approval; a named buyer gets the offer with the seller as P1. */
    private void opened(EventDocument doc, ListingOpened e, BiConsumer<String, FeedEntry> deliver) {
        ListingSubmitted listing = listings.get(e.listingId());
        opened.add(e.listingId());
        deliver.accept(listing.seller(), whole(doc, e));
        if (listing.buyer() == null) {
            return;
        }
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

    /**
     * A listing ended without a trade: the seller hears of it whole (a cancellation's reason only when it names no one
     * else: an exercised right of first refusal names the exercising holder); a named buyer to whom it was opened and
     * every bidder hear of it without the reason.
     */
    private void ended(EventDocument doc, Event event, long listingId, boolean sellerSeesReason,
                       BiConsumer<String, FeedEntry> deliver) {
        ListingSubmitted listing = listings.get(listingId);
        Map<String, Object> withoutReason = fields(event);
        withoutReason.remove("reason");
        deliver.accept(listing.seller(), entry(doc, "event", sellerSeesReason ? fields(event) : withoutReason));
        if (listing.buyer() != null && opened.contains(listingId)) {
            deliver.accept(listing.buyer(), entry(doc, "event", withoutReason));
        }
        for (String bidder : bidders(listingId)) {
            deliver.accept(bidder, entry(doc, "event", withoutReason));
        }
        forget(listingId);
    }

    /**
     * An auction's close as one viewer may see it: every bid with its pseudonym, price and fate, but no participant id
     * and no reason (a reason may name the bidder) except on the viewer's own bids; {@code viewer} null for the seller.
     */
    private static Map<String, Object> closedFor(AuctionClosed e, String viewer) {
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("type", "AuctionClosed");
        closed.put("listingId", e.listingId());
        closed.put("mechanism", e.mechanism());
        List<Map<String, Object>> bids = e.bids().stream().map(bid -> {
            Map<String, Object> seen = JournalCodec.mapper().convertValue(bid, MAP);
            if (!bid.bidder().equals(viewer)) {
                seen.put("bidder", "P" + bid.pseudonym());
                seen.remove("reason");
            }
            return seen;
        }).toList();
        closed.put("bids", bids);
        closed.put("winningBidId", e.winningBidId());
        if (e.clearingPrice() != null) {
            closed.put("clearingPrice", e.clearingPrice());
        }
        return closed;
    }

    /** An event about a bid, its bidder replaced by the pseudonym {@code P<n>}. */
    private static Map<String, Object> pseudonymous(Event event, int pseudonym) {
        Map<String, Object> seen = fields(event);
        seen.put("bidder", "P" + pseudonym);
        return seen;
    }

    private Set<String> bidders(long listingId) {
        return bidders.computeIfAbsent(listingId, id -> new LinkedHashSet<>());
    }

    private void forget(long listingId) {
        listings.remove(listingId);
        opened.remove(listingId);
        bidders.remove(listingId);
    }

    private static final Class<Map<String, Object>> MAP = mapType();

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

    static Map<String, Object> fields(Object event) {
        return JournalCodec.mapper().convertValue(event, MAP);
    }

    static FeedEntry whole(EventDocument doc, Event event) {
        return entry(doc, "event", fields(event));
    }

    static FeedEntry entry(EventDocument doc, String kind, Map<String, Object> data) {
        return new FeedEntry(doc.sourceIndex(), doc.time(), kind, data);
    }
}
