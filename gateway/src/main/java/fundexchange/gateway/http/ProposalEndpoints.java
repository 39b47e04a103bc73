package fundexchange.gateway.http;

import fundexchange.gateway.auth.Caller;
import fundexchange.registry.read.ProposalReads;
import fundexchange.registry.read.ProposalView;
import fundexchange.registry.read.RegistryReads;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/** {@code GET /proposals} and {@code /proposals/{proposalId}}: maker-checker proposals, for staff and regulators. */
final class ProposalEndpoints {
    private final ProposalReads proposals;

    ProposalEndpoints(RegistryReads registry) {
        this.proposals = registry.proposals();
    }

    /** {@code ?status&after&limit}: {@code {proposals[], nextAfter?}}; {@code status=PENDING} is what awaits a checker. */
    Object proposals(Caller caller, ServerRequest request) {
        requireOversight(caller);
        ListParams params = ListParams.parse(request, "status");
        List<ProposalView> found = proposals.proposals(params.oneOf("status", "PENDING", "APPROVED", "EXPIRED"), params.fetch());
        return params.body("proposals", found, ProposalView::proposalId, proposal -> proposal);
    }

    Object proposal(Caller caller, ServerRequest request) {
        requireOversight(caller);
        long proposalId = ListParams.pathId(request, "proposalId");
        return proposals.proposal(proposalId).orElseThrow(() -> ListParams.notFound("proposal " + proposalId));
    }

    static void requireOversight(Caller caller) {
        if (!Viewers.oversight(caller)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only staff and regulators read proposals");
        }
    }
}
