package fundexchange.gateway.http;

import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.GatewayServices;
import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.journal.RequestRoute;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/** Every route of the API, and the one block that maps failures to {@code {code, message, requestId}}. */
public final class Routes {
    private static final System.Logger LOG = System.getLogger(Routes.class.getName());
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private Routes() {
    }

    public static void register(HttpRouting.Builder routing, RequestAuthenticator authenticator,
                                GatewayServices services, GatewayConfig config, MinIndexWaiters waiters,
                                fundexchange.gateway.stream.StreamHub streams, java.time.Clock clock) {
        AtomicLong pendingKeyChange = new AtomicLong();
        MethodTable table = new MethodTable(routing);
        // read.of: answered from the registry; read.from names any other source (ReadSource, for minIndex). A
        // ReadAccess, where given, is the endpoint's role check, made before the read may wait for its minIndex.
        // read.obligations: SUSPENDED callers too; read.standing: PENDING ones too (ReadStanding); the rest ACTIVE only.
        ReadHandler.Factory read = (source, standing, access, endpoint) -> new ReadHandler(source, standing, access, endpoint, authenticator,
                services, config, pendingKeyChange, waiters);
        ReadAccess oversight = ReadAccess.caller(ReadEndpoints::requireOversight);
        commands(table, route -> new CommandHandler(route, authenticator, services, config, pendingKeyChange));
        ReadEndpoints reads = new ReadEndpoints(services.view(), services.registry(), services.engine());
        table.get("/feed", read.from(ReadSource.VIEW, ReadStanding.OBLIGATIONS, ReadAccess.ANY, reads::feed));
        table.get("/stream", new StreamHandler(authenticator, services, config.maxBodyBytes(), pendingKeyChange, streams, clock));
        table.get("/requests/{clientRequestId}", read.from(ReadSource.VIEW, ReadStanding.OBLIGATIONS, ReadAccess.ANY,
                reads::requestOutcome));
        table.get("/holdings", read.obligations(ReadAccess.ANY, reads::holdings));
        table.get("/participants", read.of(oversight, reads::participants));
        table.get("/participants/{participantId}", read.standing(ReadEndpoints::requireOwnOrOversight, reads::participant));
        table.get("/funds", read.of(reads::funds));
        table.get("/parameters", read.of(reads::parameters));
        CalendarEndpoints calendar = new CalendarEndpoints(services.registry(), services.view());
        table.get("/calendar", read.of(calendar::year));
        table.get("/transfers", read.obligations(ReadAccess.ANY, reads::transfers));
        table.get("/trades", read.of(oversight, reads::trades));
        CertificateEndpoints certificates = new CertificateEndpoints(services.registry(), services.auditRecords(),
                services.view(), services.checkpointer());
        table.get("/trades/{tradeId}/certificate", read.obligations(ReadAccess.ANY, certificates::certificate));
        table.get("/trades/{tradeId}/certificate.sig", read.obligations(ReadAccess.ANY, certificates::signature));
        table.get("/funds/{fundCode}", read.of(reads::fund));
        table.get("/funds/{fundCode}/register", read.of(oversight, reads::fundRegister));
        table.get("/funds/{fundCode}/nav", read.of(reads::fundNav));
        ListingEndpoints listings = new ListingEndpoints(services.registry(), services.view(), clock);
        table.get("/listings", read.of(listings::listings));
        table.get("/listings/{listingId}", read.of(listings::listing));
        table.get("/listings/{listingId}/bids", read.of(listings::bids));
        table.get("/engine/state", read.from(ReadSource.VIEW, oversight, reads::engineState));
        OfferEndpoints offers = new OfferEndpoints(services.registry(), services.view());
        table.get("/offers", read.of(offers::offers));
        table.get("/offers/{offerId}", read.of(offers::offer));
        table.get("/offers/{offerId}/quotes", read.of(offers::offerQuotes));
        table.get("/quotes", read.of(offers::quotes));
        table.get("/quotes/{quoteId}", read.of(offers::quote));
        IntentEndpoints intents = new IntentEndpoints(services.registry(), services.view());
        table.get("/intents", read.of(intents::intents));
        table.get("/intents/{intentId}", read.of(intents::intent));
        table.get("/matches", read.of(intents::matches));
        table.get("/matches/{matchId}", read.of(intents::match));
        BookEndpoints books = new BookEndpoints(services.registry(), services.view());
        table.get("/orders", read.of(books::orders));
        table.get("/orders/{orderId}", read.of(books::order));
        table.get("/books/{fundCode}", read.of(ReadAccess.caller(BookEndpoints::requireBookRole), books::book));
        table.get("/bids", read.of(books::bids));
        ProposalEndpoints proposals = new ProposalEndpoints(services.registry());
        ReadAccess proposalReaders = ReadAccess.caller(ProposalEndpoints::requireOversight);
        table.get("/proposals", read.of(proposalReaders, proposals::proposals));
        table.get("/proposals/{proposalId}", read.of(proposalReaders, proposals::proposal));
        CustodyEndpoints custody = new CustodyEndpoints(services.registry());
        table.get("/pledges", read.obligations(CustodyEndpoints::requireHolderOrFund, custody::pledges));
        table.get("/freezes", read.obligations(CustodyEndpoints::requireHolderOrFund, custody::freezes));
        table.get("/participants/{participantId}/qualification",
                read.standing(CustodyEndpoints::requireOwnOrOversight, custody::qualification));
        table.get("/custody", read.obligations(ReadAccess.ANY, custody::registrations));
        table.get("/custody/{custodyId}", read.obligations(ReadAccess.ANY, custody::registration));
        table.get("/funds/{fundCode}/custody",
                read.of(ReadAccess.caller(CustodyEndpoints::requireOversight), custody::fundRegistrations));
        StateOwnedEndpoints stateOwned = new StateOwnedEndpoints(services.registry());
        table.get("/state-owned/disclosures", read.of(stateOwned::disclosures));
        table.get("/state-owned/results", read.of(stateOwned::results));
        table.get("/state-owned/holders", read.of(ReadAccess.caller(StateOwnedEndpoints::requireOversight), stateOwned::holders));
        table.get("/appraisals", read.of(stateOwned::appraisals));
        CashEndpoints cash = new CashEndpoints(services.registry());
        table.get("/cash/accounts", read.obligations(ReadAccess.ANY, cash::accounts));
        table.get("/cash/movements", read.obligations(ReadAccess.ANY, cash::movements));
        table.get("/cash/instructions", read.obligations(ReadAccess.ANY, cash::instructions));
        table.get("/cash/trades", read.obligations(ReadAccess.ANY, cash::trades));
        table.get("/cash/deposits", read.obligations(ReadAccess.ANY, cash::deposits));
        ReadAccess bankRecords = ReadAccess.caller(CashEndpoints::requireBankOrOversight);
        table.get("/cash/receipts", read.of(bankRecords, cash::receipts));
        table.get("/cash/statements", read.of(bankRecords, cash::statements));
        NoticeEndpoints notices = new NoticeEndpoints(services.registry());
        table.get("/funds/{fundCode}/transfer-terms", read.of(notices::terms));
        MarketDataEndpoints market = new MarketDataEndpoints(services, PublicReadBudget.standard());
        table.get("/funds/{fundCode}/market-data-consent", read.of(market::consent));
        table.get("/notices", read.of(notices::notices));
        table.get("/listings/{listingId}/notice", read.of(notices::notice));
        AuditEndpoints audit = new AuditEndpoints(services.view(), services.checkpointer());
        ReadAccess auditors = ReadAccess.caller(AuditEndpoints::requireOversight);
        table.get("/audit/checkpoints", read.from(ReadSource.VIEW, auditors, audit::checkpoints));
        table.post("/audit/checkpoints", read.from(ReadSource.NONE, auditors, audit::checkpointNow));
        AuditRecordEndpoints auditRecords = new AuditRecordEndpoints(services.auditRecords(), services.view().keyHistory());
        ReadAccess recordReaders = ReadAccess.caller(AuditRecordEndpoints::requireOversight);
        table.get("/audit/records", read.from(ReadSource.AUDIT_INDEX, recordReaders, auditRecords::records));
        table.get("/audit/keys", read.from(ReadSource.VIEW, recordReaders, auditRecords::keys));
        AuditExportEndpoints exports = new AuditExportEndpoints(services.view().journals());
        ReadAccess exporters = ReadAccess.caller(AuditExportEndpoints::requireOversight);
        table.get("/audit/bundle", read.from(ReadSource.VIEW, exporters, exports::bundle));
        table.get("/reports/daily", read.from(ReadSource.VIEW, exporters, exports::dailyReport));
        DataRoomEndpoints dataRooms = new DataRoomEndpoints(services.registry(), services.view());
        table.route("PUT", "/documents", DataRoomEndpoints.upload(authenticator, services, pendingKeyChange));
        table.get("/listings/{listingId}/data-room", read.of(dataRooms::room));
        table.get("/fund-documents", read.of(dataRooms::fundDocuments));
        documents(table);
        table.get("/exchange", new ExchangeIdentity(services.view(), authenticator::clockMillis));
        table.get("/exchange/keys", new ExchangeKeys(services.view()));
        // Public market data: unsigned (CONTRACTS.md 15), names no participant, shows settled trades only (issue 23).
        table.get("/market-data", market.summary());
        table.get("/market-data/funds", market.funds());
        table.get("/market-data/funds/{fundCode}", market.fund());
        table.get("/market-data/index", market.index());
        // The portal's static assets: unsigned (CONTRACTS.md 15), each at exactly one URL (docs/portal.md).
        fundexchange.gateway.portal.PortalHandler portal = new fundexchange.gateway.portal.PortalHandler(
                fundexchange.gateway.portal.PortalAssets.load(config.portalSignerOrigins()));
        table.get("/", portal);
        table.get("/portal/{+path}", portal);
        table.post("/ops/snapshot", read.from(ReadSource.NONE, (caller, request) -> {
            if (!caller.has(fundexchange.protocol.reference.Role.STAFF)) {
                throw new ApiException(403, ApiError.FORBIDDEN, "only staff may take a snapshot");
            }
            return java.util.Map.of("snapshotIndex", SnapshotAnswers.take(services.engine()));
        }));
        table.post("/ops/clock/acknowledge", read.from(ReadSource.NONE, (caller, request) -> {
            if (!caller.has(fundexchange.protocol.reference.Role.STAFF)) {
                throw new ApiException(403, ApiError.FORBIDDEN, "only staff may acknowledge a clock jump");
            }
            services.sequencer().acknowledgeClockJump();
            return java.util.Map.of("halted", services.sequencer().halted());
        }));
        table.closeWithMethodNotAllowed();
        routing.error(ApiException.class, (request, response, e) -> sendError(request, response, e.status(),
                new ErrorBody(e.code(), e.getMessage(), requestId(request))));
        routing.error(io.helidon.http.HttpException.class, (request, response, e) -> {
            int status = e.status().code();
            ApiError error = HelidonErrors.error(status);
            sendError(request, response, status, new ErrorBody(error.code(), e.status().reasonPhrase(), requestId(request)));
        });
        routing.error(Exception.class, (request, response, e) -> {
            if (RegistryFailure.unreachable(e)) {
                LOG.log(Level.WARNING, "registry unreachable: " + e.getMessage());
                sendError(request, response, 503, new ErrorBody(ApiError.REGISTRY_UNAVAILABLE.code(),
                        "the registry is unavailable; retry later", requestId(request)));
                return;
            }
            LOG.log(Level.ERROR, "unexpected failure", e);
            sendError(request, response, 500, new ErrorBody(ApiError.INTERNAL.code(), "internal error", requestId(request)));
        });
    }

    /** Every command's endpoint, in its specification's method, path and order ({@code CommandSpecs}). */
    static void commands(MethodTable table, java.util.function.Function<RequestRoute, io.helidon.webserver.http.Handler> handler) {
        for (RequestRoute route : RequestRoute.ALL) {
            table.route(route.endpoint().method(), route.path(), handler.apply(route));
        }
    }

    /**
     * The OpenAPI document and its interactive docs, unsigned (CONTRACTS.md 15): {@code GET /openapi}, and the
     * sandboxed Swagger UI over it at {@code GET /docs} (docs/api.md, "Interactive docs").
     */
    static void documents(MethodTable table) {
        table.get("/openapi", OpenApiDocument::serve);
        fundexchange.gateway.apidocs.ApiDocsHandler docs = new fundexchange.gateway.apidocs.ApiDocsHandler(
                fundexchange.gateway.apidocs.ApiDocs.load());
        table.get(fundexchange.gateway.apidocs.ApiDocs.PAGE, docs);
        table.get(fundexchange.gateway.apidocs.ApiDocs.PAGE + "/{+path}", docs);
    }

    /** An error answer; to HEAD without a body (RFC 9110 9.3.2), so a keep-alive connection stays in step. */
    private static void sendError(io.helidon.webserver.http.ServerRequest request,
                                  io.helidon.webserver.http.ServerResponse response, int status, ErrorBody body) {
        if (request.prologue().method() == io.helidon.http.Method.HEAD) {
            response.status(io.helidon.http.Status.create(status));
            response.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json");
            response.send();
            return;
        }
        Json.send(response, status, body);
    }

    /** The caller's X-Client-Request-Id when it is one value in its grammar, else one the gateway makes. */
    private static String requestId(io.helidon.webserver.http.ServerRequest request) {
        java.util.List<String> ids = request.headers().all(HeaderNames.create("X-Client-Request-Id"), java.util.List::of);
        return ids.size() == 1 && REQUEST_ID.matcher(ids.getFirst()).matches() ? ids.getFirst()
                : "gateway-" + java.util.UUID.randomUUID();
    }
}
