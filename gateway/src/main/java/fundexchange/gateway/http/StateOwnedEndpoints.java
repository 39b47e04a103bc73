package fundexchange.gateway.http;

import fundexchange.gateway.auth.Caller;
import fundexchange.registry.read.AppraisalView;
import fundexchange.registry.read.DisclosureView;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.read.ResultView;
import fundexchange.registry.read.StateOwnedReads;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * State-owned holders' reads (docs/api.md): the public disclosures and results for any participant (they name no
 * participant, as their feed events), appraisals for their holder and oversight, the flagged holders for oversight.
 */
final class StateOwnedEndpoints {
    private final StateOwnedReads reads;

    StateOwnedEndpoints(RegistryReads registry) {
        this.reads = registry.stateOwned();
    }

    /** {@code ?fund&after&limit}: {@code {disclosures[], nextAfter?}}. */
    Object disclosures(Caller caller, ServerRequest request) {
        notBank(caller);
        ListParams params = ListParams.parse(request, "fund");
        List<DisclosureView> found = reads.disclosures(params.text("fund"), params.fetch());
        return params.body("disclosures", found, DisclosureView::listingId, disclosure -> disclosure);
    }

    /** {@code ?fund&after&limit}: {@code {results[], nextAfter?}}. */
    Object results(Caller caller, ServerRequest request) {
        notBank(caller);
        ListParams params = ListParams.parse(request, "fund");
        List<ResultView> found = reads.results(params.text("fund"), params.fetch());
        return params.body("results", found, ResultView::tradeId, result -> result);
    }

    /**
     * {@code ?holder&current&after&limit}: {@code {appraisals[], nextAfter?}}; a holder reads its own (a {@code holder}
     * naming another is 403), staff and regulators anyone's; {@code current=true} leaves out replaced ones.
     */
    Object appraisals(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "holder", "current");
        Optional<String> holder = params.text("holder");
        boolean oversight = Viewers.oversight(caller);
        if (!oversight && holder.isPresent() && !holder.get().equals(caller.participantId())) {
            throw new ApiException(403, ApiError.FORBIDDEN, "a holder reads only its own appraisals");
        }
        Optional<String> whose = oversight ? holder : Optional.of(caller.participantId());
        boolean current = params.oneOf("current", "true", "false").map(Boolean::parseBoolean).orElse(false);
        List<AppraisalView> found = reads.appraisals(whose, current, params.fetch());
        return params.body("appraisals", found, AppraisalView::appraisalId, appraisal -> appraisal);
    }

    /** {@code {holders[]}}: the participants flagged state-owned now, for staff and regulators. */
    Object holders(Caller caller, ServerRequest request) {
        requireOversight(caller);
        ListParams.parse(request);
        return Map.of("holders", reads.holders());
    }

    /** The settlement bank sees nothing of trades, not even public notices (issue 22). */
    static void notBank(Caller caller) {
        if (caller.has(fundexchange.protocol.reference.Role.BANK)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "the settlement bank reads no trade notices");
        }
    }

    static void requireOversight(Caller caller) {
        if (!Viewers.oversight(caller)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only staff and regulators read the state-owned holders");
        }
    }
}
