package fundexchange.gateway.http;

import fundexchange.protocol.disclosure.Disclosed;
import fundexchange.protocol.disclosure.Disclosure;
import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.GatewayView;
import fundexchange.registry.read.IntentReads;
import fundexchange.registry.read.IntentView;
import fundexchange.registry.read.MatchView;
import fundexchange.registry.read.RegistryReads;
import io.helidon.webserver.http.ServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /intents}, {@code /intents/{intentId}}, {@code /matches} and {@code /matches/{matchId}}. An intent
 * exists for its investor, staff and regulators only. A match proposal exists for staff and regulators, whole, and
 * once brokered for its two parties: the holder sees the investor as {@code P<n>} and no intent, the investor sees
 * the offer but not its holder, neither sees the brokering staff member nor the ranking; {@code MatchAgreed} reveals
 * both (docs/matching.md).
 */
final class IntentEndpoints {
    private static final String[] INTENT_STATUS = {"OPEN", "CANCELLED", "EXPIRED", "FILLED"};
    private static final String[] MATCH_STATUS = {"PROPOSED", "BROKERED", "AGREED", "DECLINED", "LAPSED"};
    private final IntentReads intents;
    private final Viewers viewers;

    IntentEndpoints(RegistryReads registry, GatewayView view) {
        this.intents = registry.intents();
        this.viewers = new Viewers(registry, view);
    }

    /** {@code ?status&after&limit}: {@code {intents[], nextAfter?}}. */
    Object intents(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status");
        List<IntentView> found = intents.intents(viewers.of(caller), params.oneOf("status", INTENT_STATUS), params.fetch());
        return params.body("intents", found, IntentView::intentId, intent -> intent);
    }

    Object intent(Caller caller, ServerRequest request) {
        long intentId = ListParams.pathId(request, "intentId");
        return intents.intent(viewers.of(caller), intentId).orElseThrow(() -> ListParams.notFound("intent " + intentId));
    }

    /** {@code ?status&after&limit}: {@code {matches[], nextAfter?}}. */
    Object matches(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status");
        List<MatchView> found = intents.matches(viewers.of(caller), params.oneOf("status", MATCH_STATUS), params.fetch());
        return params.body("matches", found, MatchView::matchId, match -> shaped(match, caller));
    }

    Object match(Caller caller, ServerRequest request) {
        long matchId = ListParams.pathId(request, "matchId");
        return intents.match(viewers.of(caller), matchId).map(match -> shaped(match, caller))
                .orElseThrow(() -> ListParams.notFound("match proposal " + matchId));
    }

    /** The proposal as {@link DisclosurePolicy#match} shows it: whole to oversight, else without ranking or broker. */
    static Object shaped(MatchView match, Caller caller) {
        Disclosure disclosure = DisclosurePolicy.match(Viewers.viewer(caller), match.holder(), match.investorPseudonym(),
                "AGREED".equals(match.status()));
        if (disclosure instanceof Disclosure.Whole) {
            return match;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("matchId", match.matchId());
        shown.put("offerId", match.offerId());
        shown.put("intentId", match.intentId());
        shown.put("fundCode", match.fundCode());
        shown.put("holder", match.holder());
        shown.put("investor", match.investor());
        shown.put("investorPseudonym", match.investorPseudonym());
        shown.put("rank", match.rank());
        shown.put("units", match.units());
        shown.put("price", match.price());
        shown.put("amount", match.amount());
        shown.put("percentOfNavBasisPoints", match.percentOfNavBasisPoints());
        shown.put("surplusBasisPoints", match.surplusBasisPoints());
        shown.put("status", match.status());
        shown.put("holderAccepted", match.holderAccepted());
        shown.put("investorAccepted", match.investorAccepted());
        shown.put("closedBy", match.closedBy());
        shown.put("brokeredBy", match.brokeredBy());
        shown.put("brokeredIndex", match.brokeredIndex());
        shown.put("proposedIndex", match.proposedIndex());
        shown.put("closedIndex", match.closedIndex());
        return Disclosed.fields(shown, disclosure);
    }
}
