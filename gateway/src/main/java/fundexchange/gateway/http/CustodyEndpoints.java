package fundexchange.gateway.http;

import fundexchange.protocol.disclosure.Disclosed;
import fundexchange.protocol.disclosure.Disclosure;
import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.registry.read.CustodyView;
import fundexchange.registry.read.RegistryReads;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * A registration as {@link DisclosurePolicy#custodyRegistration} shows it: whole to its submitter, staff and
     * regulators; a holder it names sees only its own line(s); anyone else a 404.
     */
    Object registration(Caller caller, ServerRequest request) {
        String id = request.path().pathParameters().get("custodyId");
        long custodyId;
        try {
            custodyId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "custodyId must be a number");
        }
        Optional<CustodyView> found = registry.custodyRegistration(custodyId);
        Disclosure disclosure = found.map(r -> DisclosurePolicy.custodyRegistration(Viewers.viewer(caller), r.submittedBy(),
                r.entries().stream().map(CustodyView.Line::holder).toList())).orElse(Disclosure.WITHHELD);
        return switch (disclosure) {
            case Disclosure.Withheld withheld ->
                    throw new ApiException(404, ApiError.NOT_FOUND, "no custody registration " + id + " for you");
            case Disclosure.Whole whole -> found.orElseThrow();
            default -> Disclosed.fields(fields(found.orElseThrow()), disclosure);
        };
    }

    /** A registration as the fields {@link Disclosed#fields} shapes (the output sorts them and leaves out nulls). */
    private static Map<String, Object> fields(CustodyView r) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("custodyId", r.custodyId());
        shown.put("fundCode", r.fundCode());
        shown.put("mode", r.mode());
        shown.put("submittedBy", r.submittedBy());
        shown.put("documentDigest", r.documentDigest());
        shown.put("status", r.status());
        shown.put("decidedBy", r.decidedBy());
        shown.put("decidedIndex", r.decidedIndex());
        shown.put("reason", r.reason());
        List<Object> entries = new ArrayList<>();
        for (CustodyView.Line line : r.entries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("holder", line.holder());
            entry.put("units", line.units());
            entry.put("subscribed", line.subscribed());
            entry.put("paidIn", line.paidIn());
            entry.put("cost", line.cost());
            entry.put("confirmedIndex", line.confirmedIndex());
            entries.add(entry);
        }
        shown.put("entries", entries);
        return shown;
    }

    Object fundRegistrations(Caller caller, ServerRequest request) {
        requireOversight(caller);
        String fundCode = request.path().pathParameters().get("fundCode");
        return Map.of("fundCode", fundCode, "registrations", registry.custodyRegistrations(fundCode));
    }

    /**
     * {@code GET /custody?status&fund&after&limit}: registrations in id order, paged as every list: every fund's for
     * staff and regulators (the staff's queue of registrations awaiting approval is {@code status=PENDING_APPROVAL});
     * for anyone else those it submitted or is named on, each as {@link #registration} shows it to the caller.
     */
    Object registrations(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status", "fund");
        Optional<String> status = params.oneOf("status", "PENDING_APPROVAL", "APPROVED", "REJECTED");
        if (oversight(caller)) {
            List<CustodyView> found = registry.custodyRegistrations(status, params.text("fund"), params.fetch());
            return params.body("registrations", found, CustodyView::custodyId, registration -> registration);
        }
        List<CustodyView> found = registry.custodyRegistrationsOf(caller.participantId(), status, params.text("fund"),
                params.fetch());
        return params.body("registrations", found, CustodyView::custodyId, registration -> shaped(registration, caller));
    }

    /** A registration as {@link DisclosurePolicy#custodyRegistration} shows it to {@code caller} (never withheld here). */
    private static Object shaped(CustodyView registration, Caller caller) {
        Disclosure disclosure = DisclosurePolicy.custodyRegistration(Viewers.viewer(caller), registration.submittedBy(),
                registration.entries().stream().map(CustodyView.Line::holder).toList());
        return switch (disclosure) {
            case Disclosure.Withheld withheld -> throw new IllegalStateException("a registration of the caller's is withheld");
            case Disclosure.Whole whole -> registration;
            default -> Disclosed.fields(fields(registration), disclosure);
        };
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
