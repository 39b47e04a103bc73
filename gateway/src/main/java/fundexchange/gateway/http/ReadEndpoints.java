package fundexchange.gateway.http;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.FeedEntry;
import fundexchange.gateway.view.FeedStore;
import fundexchange.gateway.view.GatewayView;
import fundexchange.engine.FeeParametersOfVersion;
import fundexchange.registry.read.ParameterView;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.read.Transfer;
import fundexchange.runner.EngineRunner;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The read endpoints; each decides what its caller may see. */
final class ReadEndpoints {
    private static final int MAX_PAGE = 1000;
    private static final int MAX_STALE_AFTER_DAYS = 3650;
    private final GatewayView view;
    private final RegistryReads registry;
    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(10);
    private final EngineRunner engine;

    ReadEndpoints(GatewayView view, RegistryReads registry, EngineRunner engine) {
        this.view = view;
        this.registry = registry;
        this.engine = engine;
    }

    /** The caller's feed after a cursor; staff and regulators read every document. */
    Object feed(Caller caller, ServerRequest request) {
        long after = longParam(request, "after", 0);
        long limit = longParam(request, "limit", 100);
        if (after < 0) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "after must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "limit must be 1-" + MAX_PAGE);
        }
        String viewer = Viewers.oversight(caller) ? FeedStore.EVERYTHING : caller.participantId();
        List<FeedEntry> entries = view.feeds().read(viewer, after, (int) limit);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("entries", entries);
        page.put("cursor", entries.isEmpty() ? after : entries.getLast().sourceIndex());
        return page;
    }

    /** The outcome of one of the caller's own requests, shaped as the write's answer is. */
    Object requestOutcome(Caller caller, ServerRequest request) {
        String clientRequestId = request.path().pathParameters().get("clientRequestId");
        return view.request(caller.participantId(), clientRequestId)
                .map(document -> DocumentShaper.forCaller(document, caller))
                .orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no decided request " + clientRequestId + " of yours"));
    }

    /** A participant's standing: their own, or anyone's for staff and regulators. */
    Object participant(Caller caller, ServerRequest request) {
        requireOwnOrOversight(caller, request);
        String participantId = request.path().pathParameters().get("participantId");
        return registry.participant(participantId)
                .orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no participant " + participantId));
    }

    /** {@code ?role&status}: every participant, for staff and regulators. */
    Object participants(Caller caller, ServerRequest request) {
        requireOversight(caller);
        ListParams params = ListParams.parse(request, "role", "status");
        return Map.of("participants", registry.participants(params.oneOf("role", "HOLDER", "INVESTOR", "MANAGER", "STAFF", "REGULATOR"),
                params.oneOf("status", "PENDING", "ACTIVE", "SUSPENDED")));
    }

    /** Every fund's reference data, for anyone. */
    Object funds(Caller caller, ServerRequest request) {
        return Map.of("funds", registry.funds());
    }

    Object holdings(Caller caller, ServerRequest request) {
        return Map.of("holdings", registry.holdingsOf(caller.participantId()));
    }

    Object fundRegister(Caller caller, ServerRequest request) {
        requireOversight(caller);
        String fundCode = request.path().pathParameters().get("fundCode");
        return Map.of("fundCode", fundCode, "holdings", registry.register(fundCode));
    }

    /**
     * {@code {parameters[]}}: every platform parameter in force, with the index that set it (0: the default), but the
     * fee parameters of a mechanism the journal's rules version does not hold ({@link #ofVersion}); for staff and
     * regulators also {@code rulesVersion}, the journal's (which tells the calendar page how a year's calendar is set).
     */
    Object parameters(Caller caller, ServerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", ofVersion(registry.parameters().inForce(), view.rulesVersion()));
        if (caller.hasAny(Role.STAFF, Role.REGULATOR)) {
            body.put("rulesVersion", view.rulesVersion());
        }
        return body;
    }

    /**
     * {@code parameters} without the {@code fee-<name>-*} ones of an auction mechanism outside the rules of
     * {@code rulesVersion}, which its engine refuses as unknown (docs/design/mechanism-terms.md R10: no
     * {@code fee-clock-*} for a version-11 journal); the registry's defaults list every mechanism's.
     */
    static List<ParameterView> ofVersion(List<ParameterView> parameters, int rulesVersion) {
        return parameters.stream().filter(p -> FeeParametersOfVersion.known(rulesVersion, p.name())).toList();
    }

    Object fund(Caller caller, ServerRequest request) {
        String fundCode = request.path().pathParameters().get("fundCode");
        return registry.fund(fundCode).orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no fund " + fundCode));
    }

    /**
     * A fund's current NAV with its staleness on the business date (stale when more than {@code staleAfterDays},
     * default {@value RegistryReads#NAV_STALE_AFTER_DAYS}, after the NAV date), and its NAV history.
     */
    Object fundNav(Caller caller, ServerRequest request) {
        String fundCode = request.path().pathParameters().get("fundCode");
        long staleAfterDays = longParam(request, "staleAfterDays", RegistryReads.NAV_STALE_AFTER_DAYS);
        if (staleAfterDays < 0 || staleAfterDays > MAX_STALE_AFTER_DAYS) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "staleAfterDays must be 0 to " + MAX_STALE_AFTER_DAYS);
        }
        Map<String, Object> nav = new LinkedHashMap<>();
        nav.put("current", registry.navStatus(fundCode, view.businessDate(), (int) staleAfterDays)
                .orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no fund " + fundCode)));
        nav.put("history", registry.navHistory(fundCode));
        return nav;
    }

    Object transfers(Caller caller, ServerRequest request) {
        return Map.of("transfers", caller.hasAny(Role.STAFF, Role.REGULATOR)
                ? registry.allTransfers() : registry.transfersOf(caller.participantId()));
    }

    /**
     * {@code ?fund&status&order&after&limit}: {@code {trades[], nextAfter?}}, every trade a page at a time in trade id
     * order ({@code order=desc}: newest first, {@code after} then the id the next page stays below), for staff and
     * regulators (e.g. {@code status=PENDING_SETTLEMENT}: what awaits settlement, oldest first).
     */
    Object trades(Caller caller, ServerRequest request) {
        requireOversight(caller);
        ListParams params = ListParams.parse(request, "fund", "status", "order");
        boolean newestFirst = params.oneOf("order", "asc", "desc").map("desc"::equals).orElse(false);
        List<Transfer> found = registry.trades(params.text("fund"),
                params.oneOf("status", "PENDING_SETTLEMENT", "SETTLED", "FAILED"), params.fetch(), newestFirst);
        return params.body("trades", found, Transfer::tradeId, trade -> trade);
    }

    Object engineState(Caller caller, ServerRequest request) {
        requireOversight(caller);
        return engineAnswer(engine.query(e -> Map.of("lastIndex", e.lastIndex(), "stateHash", e.stateHash())),
                ENGINE_TIMEOUT);
    }

    /**
     * The engine's answer to {@code query} within {@code timeout}, else 503. A query not answered in time (or whose
     * caller is interrupted) is cancelled, so the engine thread drops it unrun instead of running it for nobody.
     */
    static <T> T engineAnswer(CompletableFuture<T> query, Duration timeout) {
        try {
            return query.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            query.cancel(false);
            Thread.currentThread().interrupt();
            throw new ApiException(503, ApiError.UNAVAILABLE, "interrupted");
        } catch (TimeoutException e) {
            query.cancel(false);
            throw new ApiException(503, ApiError.UNAVAILABLE, "engine did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ApiException(503, ApiError.UNAVAILABLE, "engine did not answer");
        }
    }

    /** The caller's own standing, or anyone's for staff and regulators. */
    static void requireOwnOrOversight(Caller caller, ServerRequest request) {
        String participantId = request.path().pathParameters().get("participantId");
        if (!participantId.equals(caller.participantId()) && !caller.hasAny(Role.STAFF, Role.REGULATOR)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "you may read only your own standing");
        }
    }

    static void requireOversight(Caller caller) {
        if (!caller.hasAny(Role.STAFF, Role.REGULATOR)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only staff and regulators may read this");
        }
    }

    private static long longParam(ServerRequest request, String name, long fallback) {
        try {
            return request.query().first(name).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, name + " must be a number");
        }
    }

}
