package fundexchange.gateway.http;

import fundexchange.protocol.disclosure.Disclosed;
import fundexchange.protocol.disclosure.Disclosure;
import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.GatewayView;
import fundexchange.registry.read.ListingViewer;
import fundexchange.registry.read.OfferReads;
import fundexchange.registry.read.OfferView;
import fundexchange.registry.read.QuoteView;
import fundexchange.registry.read.RegistryReads;
import io.helidon.webserver.http.ServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /offers}, {@code /offers/{offerId}}, {@code /offers/{offerId}/quotes}, {@code /quotes} and
 * {@code /quotes/{quoteId}} (CONTRACTS.md 12, docs/matching.md), as {@link DisclosurePolicy} decides: staff and
 * regulators see everything; the holder its offer whole and the quotes on it with each investor as {@code P<n>}, until
 * an accepted quote made the trade; anyone else an offer's teaser (fund, units left, ask, lot, expiry; never the holder
 * or its cost) and only its own quotes, without the holder until the trade.
 */
final class OfferEndpoints {
    private static final String[] OFFER_STATUS = {"OPEN", "FILLED", "WITHDRAWN", "EXPIRED"};
    private static final String[] QUOTE_STATUS = {"OPEN", "ACCEPTED", "DECLINED", "LAPSED"};
    private final OfferReads offers;
    private final Viewers viewers;

    OfferEndpoints(RegistryReads registry, GatewayView view) {
        this.offers = registry.offers();
        this.viewers = new Viewers(registry, view);
    }

    /**
     * {@code ?holder&status&fund&after&limit}: {@code {offers[], nextAfter?}}; {@code holder} keeps one holder's offers,
     * and only staff and regulators may name another holder than the caller (a teaser never names its holder).
     */
    Object offers(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "holder", "status", "fund");
        Optional<String> holder = params.text("holder");
        if (holder.isPresent() && !holder.get().equals(caller.participantId()) && !Viewers.oversight(caller)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "you may name only yourself as holder");
        }
        ListingViewer viewer = viewers.of(caller);
        List<OfferView> found = offers.offers(viewer, holder, params.oneOf("status", OFFER_STATUS), params.text("fund"),
                params.fetch());
        return params.body("offers", found, OfferView::offerId, offer -> shaped(offer, caller));
    }

    Object offer(Caller caller, ServerRequest request) {
        return shaped(visible(caller, ListParams.pathId(request, "offerId")), caller);
    }

    /** {@code ?status&after&limit}: the quotes on one visible offer the caller may see. */
    Object offerQuotes(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status");
        OfferView offer = visible(caller, ListParams.pathId(request, "offerId"));
        List<QuoteView> found = offers.quotes(viewers.of(caller), Optional.of(offer.offerId()),
                params.oneOf("status", QUOTE_STATUS), params.fetch());
        return params.body("quotes", found, QuoteView::quoteId, quote -> shaped(quote, caller));
    }

    /** {@code ?offer&status&after&limit}: the quotes the caller made or received; staff and regulators: all. */
    Object quotes(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "offer", "status");
        List<QuoteView> found = offers.quotes(viewers.of(caller), params.number("offer"),
                params.oneOf("status", QUOTE_STATUS), params.fetch());
        return params.body("quotes", found, QuoteView::quoteId, quote -> shaped(quote, caller));
    }

    /** One quote with every round of its terms. */
    Object quote(Caller caller, ServerRequest request) {
        long quoteId = ListParams.pathId(request, "quoteId");
        return offers.quote(quoteId)
                .filter(q -> !(disclosure(q, caller) instanceof Disclosure.Withheld))
                .map(q -> shaped(q, caller))
                .orElseThrow(() -> ListParams.notFound("quote " + quoteId));
    }

    private OfferView visible(Caller caller, long offerId) {
        return offers.offer(viewers.of(caller), offerId).orElseThrow(() -> ListParams.notFound("offer " + offerId));
    }

    /** The offer as {@link DisclosurePolicy#offer} shows it: whole, or its teaser (whose units are the units left). */
    static Object shaped(OfferView offer, Caller caller) {
        Disclosure disclosure = DisclosurePolicy.offer(Viewers.viewer(caller), offer.holder());
        if (disclosure instanceof Disclosure.Whole) {
            return offer;
        }
        Map<String, Object> teaser = new LinkedHashMap<>();
        teaser.put("offerId", offer.offerId());
        teaser.put("fundCode", offer.fundCode());
        teaser.put("holder", offer.holder());
        teaser.put("units", offer.remaining());
        teaser.put("minLot", offer.minLot());
        teaser.put("askPrice", offer.askPrice());
        teaser.put("askPercentOfNavBasisPoints", offer.askPercentOfNavBasisPoints());
        teaser.put("askMultipleOfCost", offer.askMultipleOfCost());
        teaser.put("visibility", offer.visibility());
        teaser.put("expiresAt", offer.expiresAt());
        teaser.put("status", offer.status());
        teaser.put("closedIndex", offer.closedIndex());
        return Disclosed.fields(teaser, disclosure);
    }

    /** The quote as {@link DisclosurePolicy#quote} shows it: the other side hidden or by pseudonym until the trade. */
    static Object shaped(QuoteView quote, Caller caller) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("quoteId", quote.quoteId());
        shown.put("offerId", quote.offerId());
        shown.put("fundCode", quote.fundCode());
        shown.put("holder", quote.holder());
        shown.put("investor", quote.investor());
        shown.put("pseudonym", quote.pseudonym());
        shown.put("price", quote.price());
        shown.put("units", quote.units());
        shown.put("percentOfNavBasisPoints", quote.percentOfNavBasisPoints());
        shown.put("rounds", quote.rounds());
        shown.put("turn", quote.turn());
        shown.put("status", quote.status());
        shown.put("closedBy", quote.closedBy());
        shown.put("closedIndex", quote.closedIndex());
        if (!quote.history().isEmpty()) {
            shown.put("history", quote.history());
        }
        return Disclosed.fields(shown, disclosure(quote, caller));
    }

    private static Disclosure disclosure(QuoteView quote, Caller caller) {
        return DisclosurePolicy.quote(Viewers.viewer(caller), quote.holder(), quote.investor(), quote.pseudonym(),
                "ACCEPTED".equals(quote.status()));
    }
}
