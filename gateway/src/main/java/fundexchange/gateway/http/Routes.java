package fundexchange.gateway.http;

import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.GatewayServices;
import fundexchange.gateway.auth.RequestAuthenticator;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/** Every route of the API, and the one block that maps failures to {@code {code, message, requestId}}. */
public final class Routes {
    private static final System.Logger LOG = System.getLogger(Routes.class.getName());

    private Routes() {
    }

    public static void register(HttpRouting.Builder routing, RequestAuthenticator authenticator,
                                GatewayServices services, GatewayConfig config) {
        AtomicLong pendingKeyChange = new AtomicLong();
        // read.of: answered from the registry; read.from names any other source (ReadSource, for minIndex).
        ReadHandler.Factory read = (source, endpoint) -> new ReadHandler(source, endpoint, authenticator, services, config,
                pendingKeyChange);
        for (CommandRoute route : CommandRoute.all()) {
            routing.post(route.path(), new CommandHandler(route, authenticator, services, config, pendingKeyChange));
        }
        ReadEndpoints reads = new ReadEndpoints(services.view(), services.registry(), services.engine());
        routing.get("/feed", read.from(ReadSource.VIEW, reads::feed));
        routing.get("/requests/{clientRequestId}", read.from(ReadSource.VIEW, reads::requestOutcome));
        routing.get("/holdings", read.of(reads::holdings));
        routing.get("/participants", read.of(reads::participants));
        routing.get("/participants/{participantId}", read.of(reads::participant));
        routing.get("/funds", read.of(reads::funds));
        routing.get("/parameters", read.of(reads::parameters));
        routing.get("/transfers", read.of(reads::transfers));
        routing.get("/funds/{fundCode}", read.of(reads::fund));
        routing.get("/funds/{fundCode}/register", read.of(reads::fundRegister));
        routing.get("/funds/{fundCode}/nav", read.of(reads::fundNav));
        ListingEndpoints listings = new ListingEndpoints(services.registry(), services.view());
        routing.get("/listings", read.of(listings::listings));
        routing.get("/listings/{listingId}", read.of(listings::listing));
        routing.get("/listings/{listingId}/bids", read.of(listings::bids));
        routing.get("/engine/state", read.from(ReadSource.VIEW, reads::engineState));
        OfferEndpoints offers = new OfferEndpoints(services.registry(), services.view());
        routing.get("/offers", read.of(offers::offers));
        routing.get("/offers/{offerId}", read.of(offers::offer));
        routing.get("/offers/{offerId}/quotes", read.of(offers::offerQuotes));
        routing.get("/quotes", read.of(offers::quotes));
        routing.get("/quotes/{quoteId}", read.of(offers::quote));
        IntentEndpoints intents = new IntentEndpoints(services.registry(), services.view());
        routing.get("/intents", read.of(intents::intents));
        routing.get("/intents/{intentId}", read.of(intents::intent));
        routing.get("/matches", read.of(intents::matches));
        routing.get("/matches/{matchId}", read.of(intents::match));
        BookEndpoints books = new BookEndpoints(services.registry(), services.view());
        routing.get("/orders", read.of(books::orders));
        routing.get("/orders/{orderId}", read.of(books::order));
        routing.get("/books/{fundCode}", read.of(books::book));
        routing.get("/bids", read.of(books::bids));
        ProposalEndpoints proposals = new ProposalEndpoints(services.registry());
        routing.get("/proposals", read.of(proposals::proposals));
        routing.get("/proposals/{proposalId}", read.of(proposals::proposal));
        CustodyEndpoints custody = new CustodyEndpoints(services.registry());
        routing.get("/pledges", read.of(custody::pledges));
        routing.get("/freezes", read.of(custody::freezes));
        routing.get("/participants/{participantId}/qualification", read.of(custody::qualification));
        routing.get("/custody/{custodyId}", read.of(custody::registration));
        routing.get("/funds/{fundCode}/custody", read.of(custody::fundRegistrations));
        AuditEndpoints audit = new AuditEndpoints(services.view(), services.checkpointer());
        routing.get("/audit/checkpoints", read.from(ReadSource.VIEW, audit::checkpoints));
        routing.post("/audit/checkpoints", read.from(ReadSource.NONE, audit::checkpointNow));
        AuditRecordEndpoints auditRecords = new AuditRecordEndpoints(services.auditRecords(), services.view().keyHistory());
        routing.get("/audit/records", read.from(ReadSource.AUDIT_INDEX, auditRecords::records));
        routing.get("/audit/keys", read.from(ReadSource.VIEW, auditRecords::keys));
        AuditExportEndpoints exports = new AuditExportEndpoints(services.view().journals());
        routing.get("/audit/bundle", read.from(ReadSource.VIEW, exports::bundle));
        routing.get("/reports/daily", read.from(ReadSource.VIEW, exports::dailyReport));
        routing.get("/openapi", OpenApiDocument::serve);
        routing.get("/exchange", new ExchangeIdentity(services.view()));
        routing.post("/ops/snapshot", read.from(ReadSource.NONE, (caller, request) -> {
            if (!caller.has(fundexchange.engine.reference.Role.STAFF)) {
                throw new ApiException(403, ApiError.FORBIDDEN, "only staff may take a snapshot");
            }
            try {
                return java.util.Map.of("snapshotIndex", services.engine().snapshotNow().get(60, java.util.concurrent.TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new ApiException(503, ApiError.UNAVAILABLE, "no snapshot: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(503, ApiError.UNAVAILABLE, "interrupted");
            }
        }));
        routing.post("/ops/clock/acknowledge", read.from(ReadSource.NONE, (caller, request) -> {
            if (!caller.has(fundexchange.engine.reference.Role.STAFF)) {
                throw new ApiException(403, ApiError.FORBIDDEN, "only staff may acknowledge a clock jump");
            }
            services.sequencer().acknowledgeClockJump();
            return java.util.Map.of("halted", services.sequencer().halted());
        }));
        routing.error(ApiException.class, (request, response, e) -> Json.send(response, e.status(),
                new ErrorBody(e.code(), e.getMessage(), requestId(request))));
        routing.error(io.helidon.http.HttpException.class, (request, response, e) -> {
            int status = e.status().code();
            ApiError error = status == 404 ? ApiError.NOT_FOUND : status >= 500 ? ApiError.INTERNAL : ApiError.MALFORMED_REQUEST;
            Json.send(response, status, new ErrorBody(error.code(), e.status().reasonPhrase(), requestId(request)));
        });
        routing.error(Exception.class, (request, response, e) -> {
            LOG.log(Level.ERROR, "unexpected failure", e);
            Json.send(response, 500, new ErrorBody(ApiError.INTERNAL.code(), "internal error", requestId(request)));
        });
    }

    private static String requestId(io.helidon.webserver.http.ServerRequest request) {
        return request.headers().first(HeaderNames.create("X-Client-Request-Id")).orElse("gateway-" + request.id());
    }
}
