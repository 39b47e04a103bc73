package fundexchange.gateway.http;

import fundexchange.protocol.disclosure.Disclosed;
import fundexchange.protocol.disclosure.Disclosure;
import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.GatewayView;
import fundexchange.registry.read.BidView;
import fundexchange.registry.read.ListingView;
import fundexchange.registry.read.ListingViewer;
import fundexchange.registry.read.RegistryReads;
import fundexchange.protocol.listing.ListingMechanism;
import io.helidon.webserver.http.ServerRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /listings}, {@code GET /listings/{listingId}} and {@code GET /listings/{listingId}/bids}, from the
 * registry. Which listings exist for a caller, and what it sees of each listing and bid, is {@link DisclosurePolicy}'s
 * (CONTRACTS.md 12); a listing the caller may not see answers 404 like one that does not exist. A sealed bid's price
 * is null in the registry until the close, for every caller. What a mechanism adds to the read is its own class's
 * ({@link DutchListingRead}), chosen by an exhaustive switch.
 */
final class ListingEndpoints {
    private final RegistryReads registry;
    private final Viewers viewers;
    private final Clock clock;

    ListingEndpoints(RegistryReads registry, GatewayView view, Clock clock) {
        this.registry = registry;
        this.viewers = new Viewers(registry, view);
        this.clock = clock;
    }

    /** {@code {listings[], nextAfter?}}: the caller's visible listings in id order; pass nextAfter as after. */
    Object listings(Caller caller, ServerRequest request) {
        ListingQuery query = ListingQuery.parse(request.query().toMap());
        List<ListingView> found = registry.listings(viewer(caller), query.filter(), query.after(), query.limit() + 1);
        List<ListingView> page = found.subList(0, Math.min(found.size(), query.limit()));
        long now = clock.millis(); // one clock read per request: every row's clock is as of the same clockAt
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("listings", page.stream().map(listing -> shaped(listing, caller, now)).toList());
        if (found.size() > query.limit()) {
            body.put("nextAfter", page.getLast().listingId());
        }
        return body;
    }

    Object listing(Caller caller, ServerRequest request) {
        return shaped(visible(caller, request), caller, clock.millis());
    }

    /** {@code {listingId, bids[]}} in bid order. */
    Object bids(Caller caller, ServerRequest request) {
        ListingView listing = visible(caller, request);
        List<Object> bids = registry.bids(listing.listingId()).stream().map(bid -> shaped(bid, caller)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("listingId", listing.listingId());
        body.put("mechanism", listing.mechanism());
        body.put("status", listing.status());
        body.put("bids", bids);
        return body;
    }

    private ListingView visible(Caller caller, ServerRequest request) {
        String text = request.path().pathParameters().get("listingId");
        long listingId;
        try {
            listingId = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "listingId must be a number");
        }
        return registry.listing(viewer(caller), listingId)
                .orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no listing " + listingId + " for you"));
    }

    private ListingViewer viewer(Caller caller) {
        return viewers.of(caller);
    }

    /** The listing as {@link DisclosurePolicy#listing} shows it to the caller: its terms, parties and result. */
    private static Map<String, Object> shaped(ListingView listing, Caller caller, long now) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("listingId", listing.listingId());
        shown.put("fundCode", listing.fundCode());
        shown.put("mechanism", listing.mechanism());
        shown.put("status", listing.status());
        shown.put("seller", listing.seller());
        shown.put("buyer", listing.buyer());
        shown.put("units", listing.units());
        if (listing.auction()) {
            shown.put("startingPrice", listing.price());
            shown.put("reservePrice", listing.reservePrice());
            shown.put("minIncrement", listing.minIncrement());
            shown.put("startsAt", listing.startsAt());
            shown.put("endsAt", listing.endsAt());
            shown.put("secondPrice", listing.secondPrice());
            if (listing.matchBy() != null) { // closed, the award conditional on the priority holders' match
                shown.put("matchBy", listing.matchBy());
            }
        } else {
            shown.put("price", listing.price());
            shown.put("expiresAt", listing.expiresAt());
        }
        boolean selling = selling(shown, listing, now);
        shown.put("rofr", listing.rofr());
        shown.put("closedReason", listing.closedReason());
        shown.put("tradePrice", listing.tradePrice());
        if (listing.deposit() != null) { // rules version 8: public, from the listing's public terms only
            shown.put("deposit", listing.deposit());
        }
        return Disclosed.fields(shown, DisclosurePolicy.listing(Viewers.viewer(caller), listing.seller(), listing.auction(),
                selling));
    }

    /**
     * Adds what the listing's mechanism shows of itself; true while it is selling (OPEN, its mechanism trading at once
     * per acceptance: {@link ListingMechanism#tradesAtOnce}, its latest trade another buyer's). A mechanism this build
     * does not know adds nothing and counts as selling while OPEN, so its trade price stays hidden.
     */
    private static boolean selling(Map<String, Object> shown, ListingView listing, long now) {
        boolean open = "OPEN".equals(listing.status());
        return ListingMechanism.named(listing.mechanism()).map(mechanism -> {
            byFrozenTerms(shown, listing, now, mechanism);
            return open && mechanism.tradesAtOnce();
        }).orElse(open);
    }

    /**
     * Adds what a released mechanism's frozen flat terms show beyond the fields every auction shows: only the Dutch
     * auction's clock ({@link DutchListingRead}). No other mechanism adds fields here, and none added later does: its
     * own terms are its typed {@code terms}, whose read is their own (docs/design/mechanism-terms.md, M7).
     */
    private static void byFrozenTerms(Map<String, Object> shown, ListingView listing, long now,
            ListingMechanism mechanism) {
        if (mechanism == ListingMechanism.DUTCH) {
            DutchListingRead.show(shown, listing, now);
        }
    }

    /** A bid as {@link DisclosurePolicy#bid} shows it: whole to oversight, else by pseudonym unless the caller's own. */
    private static Object shaped(BidView bid, Caller caller) {
        Disclosure disclosure = DisclosurePolicy.bid(Viewers.viewer(caller), bid.bidder(), bid.pseudonym());
        if (disclosure instanceof Disclosure.Whole) {
            return bid;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("bidId", bid.bidId());
        shown.put("listingId", bid.listingId());
        shown.put("bidder", bid.bidder());
        shown.put("pseudonym", bid.pseudonym());
        shown.put("price", bid.price());
        shown.put("status", bid.status());
        shown.put("rejectCode", bid.rejectCode());
        shown.put("reason", bid.reason());
        return Disclosed.fields(shown, disclosure);
    }
}
