package fundexchange.gateway.http;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.registry.read.CustodyView;
import fundexchange.registry.read.RegistryReads;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of custody registrations, pledges, freezes and qualification status (registry). Holders see their own;
 * staff and regulators see anyone's.
 */
final class CustodyEndpoints {
    private final RegistryReads registry;

    CustodyEndpoints(RegistryReads registry) {
        this.registry = registry;
    }

    /** {@code ?holder=} (default: the caller) or, for staff and regulators, {@code ?fund=}. */
    Object pledges(Caller caller, ServerRequest request) {
        requireHolderOrFund(caller, request);
        Optional<String> fund = param(request, "fund");
        if (fund.isPresent()) {
            return Map.of("pledges", registry.pledgesIn(fund.get()));
        }
        return Map.of("pledges", registry.pledgesOf(holder(caller, request)));
    }

    /** As {@link #pledges}, for judicial freezes. */
    Object freezes(Caller caller, ServerRequest request) {
        requireHolderOrFund(caller, request);
        Optional<String> fund = param(request, "fund");
        if (fund.isPresent()) {
            return Map.of("freezes", registry.freezesIn(fund.get()));
        }
        return Map.of("freezes", registry.freezesOf(holder(caller, request)));
    }

    Object qualification(Caller caller, ServerRequest request) {
        requireOwnOrOversight(caller, request);
        String participantId = request.path().pathParameters().get("participantId");
        return registry.qualification(participantId)
                .orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no participant " + participantId));
    }

    /** A registration: its submitter, the holders it names, staff and regulators. */
    Object registration(Caller caller, ServerRequest request) {
        String id = request.path().pathParameters().get("custodyId");
        long custodyId;
        try {
            custodyId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "custodyId must be a number");
        }
        Optional<CustodyView> registration = registry.custodyRegistration(custodyId)
                .filter(r -> oversight(caller) || r.submittedBy().equals(caller.participantId())
                        || r.entries().stream().anyMatch(line -> line.holder().equals(caller.participantId())));
        return registration.orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no custody registration " + id + " for you"));
    }

    Object fundRegistrations(Caller caller, ServerRequest request) {
        requireOversight(caller);
        String fundCode = request.path().pathParameters().get("fundCode");
        return Map.of("fundCode", fundCode, "registrations", registry.custodyRegistrations(fundCode));
    }

    private static String holder(Caller caller, ServerRequest request) {
        return param(request, "holder").orElse(caller.participantId());
    }

    /** {@code ?fund=} and another holder's {@code ?holder=} are for staff and regulators. */
    static void requireHolderOrFund(Caller caller, ServerRequest request) {
        if (param(request, "fund").isPresent() || !holder(caller, request).equals(caller.participantId())) {
            requireOversight(caller);
        }
    }

    /** The caller's own qualification, or anyone's for staff and regulators. */
    static void requireOwnOrOversight(Caller caller, ServerRequest request) {
        if (!request.path().pathParameters().get("participantId").equals(caller.participantId())) {
            requireOversight(caller);
        }
    }

    private static Optional<String> param(ServerRequest request, String name) {
        return request.query().first(name).asOptional();
    }

    private static boolean oversight(Caller caller) {
        return caller.hasAny(Role.STAFF, Role.REGULATOR);
    }

    static void requireOversight(Caller caller) {
        if (!oversight(caller)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only staff and regulators may read this");
        }
    }
}
