package fundexchange.gateway.http;

import fundexchange.gateway.auth.Caller;
import fundexchange.protocol.disclosure.Viewer;
import fundexchange.registry.read.NoticeQuery;
import fundexchange.registry.read.NoticeReads;
import fundexchange.registry.read.NoticeView;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.read.TermsView;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consent and first refusal's reads (docs/api.md, "Transfer notices"): a fund's transfer terms for staff, regulators,
 * the fund's manager and its holders; transfer notices for those they name (the transferor, the manager, the holders
 * they went to: a manager's consent queue, a holder's notices) and for oversight, each shaped by {@link NoticeShape}.
 */
final class NoticeEndpoints {
    private final NoticeReads reads;

    NoticeEndpoints(RegistryReads registry) {
        this.reads = registry.notices();
    }

    /** {@code GET /funds/{fundCode}/transfer-terms}: the terms, 404 when staff set none. */
    Object terms(Caller caller, ServerRequest request) {
        ListParams.strict(request, java.util.Set.of());
        String fundCode = request.path().pathParameters().get("fundCode");
        Optional<TermsView> terms = reads.terms(fundCode);
        boolean allowed = Viewers.oversight(caller) || terms.map(t -> caller.participantId().equals(t.manager())).orElse(false)
                || reads.holds(fundCode, caller.participantId());
        if (!allowed) {
            throw new ApiException(403, ApiError.FORBIDDEN,
                    "a fund's transfer terms are read by staff, regulators, its manager and its holders");
        }
        TermsView found = terms.orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND,
                "no transfer terms for fund " + fundCode));
        if (Viewers.oversight(caller)) {
            return found;
        }
        // The affiliates name other holders (CONTRACTS.md 12): a party sees only the lines naming itself.
        List<String> own = found.affiliates().stream()
                .filter(line -> java.util.Arrays.asList(line.split(">", 2)).contains(caller.participantId())).toList();
        return new TermsView(found.fundCode(), found.manager(), found.consentRequired(), found.consentOnSilence(),
                found.priority(), found.noticeDays(), found.matchDays(), own, found.documentDigest(), found.setIndex());
    }

    /**
     * {@code GET /notices?fund&status&after&limit}: {@code {notices[], nextAfter?}} in listing id order; oversight
     * reads every notice, anyone else those naming it; {@code status} OPEN or RESOLVED.
     */
    Object notices(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "fund", "status");
        Optional<Boolean> open = params.oneOf("status", "OPEN", "RESOLVED").map("OPEN"::equals);
        Viewer viewer = Viewers.viewer(caller);
        Optional<String> party = viewer.oversight() ? Optional.empty() : Optional.of(caller.participantId());
        List<NoticeView> found = reads.notices(new NoticeQuery(params.text("fund"), party, open), params.fetch());
        List<Map<String, Object>> shaped = new ArrayList<>();
        for (NoticeView notice : found) {
            shaped.add(NoticeShape.of(viewer, notice).orElseThrow(
                    () -> new IllegalStateException("notice " + notice.listingId() + " was read for one it does not name")));
        }
        return params.body("notices", shaped, n -> ((Number) n.get("listingId")).longValue(), n -> n);
    }

    /** {@code GET /listings/{listingId}/notice}: one notice, 404 for one that does not exist or does not name the caller. */
    Object notice(Caller caller, ServerRequest request) {
        ListParams.strict(request, java.util.Set.of());
        long listingId = ListParams.pathId(request, "listingId");
        return reads.notice(listingId).flatMap(n -> NoticeShape.of(Viewers.viewer(caller), n))
                .orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no transfer notice of listing " + listingId + " for you"));
    }
}
