package fundexchange.gateway.http;

import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.audit.Checkpointer;
import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.view.GatewayView;
import fundexchange.registry.read.RegistryReads;
import fundexchange.runner.EngineRunner;
import fundexchange.sequencer.Sequencer;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/** Every route of the API, and the one block that maps failures to {@code {code, message, requestId}}. */
public final class Routes {
    private static final System.Logger LOG = System.getLogger(Routes.class.getName());

    private Routes() {
    }

    public static void register(HttpRouting.Builder routing, RequestAuthenticator authenticator, Sequencer sequencer,
                                GatewayView view, RegistryReads registry, EngineRunner engine, Checkpointer checkpointer,
                                GatewayConfig config) {
        AtomicLong pendingKeyChange = new AtomicLong();
        for (CommandRoute route : CommandRoute.all()) {
            routing.post(route.path(), new CommandHandler(route, authenticator, sequencer, view, config, pendingKeyChange));
        }
        ReadEndpoints reads = new ReadEndpoints(view, registry, engine);
        routing.get("/feed", new ReadHandler(reads::feed, authenticator, view, config, pendingKeyChange));
        routing.get("/requests/{clientRequestId}", new ReadHandler(reads::requestOutcome, authenticator, view, config, pendingKeyChange));
        routing.get("/holdings", new ReadHandler(reads::holdings, authenticator, view, config, pendingKeyChange));
        routing.get("/transfers", new ReadHandler(reads::transfers, authenticator, view, config, pendingKeyChange));
        routing.get("/funds/{fundCode}", new ReadHandler(reads::fund, authenticator, view, config, pendingKeyChange));
        routing.get("/funds/{fundCode}/register", new ReadHandler(reads::fundRegister, authenticator, view, config, pendingKeyChange));
        AuditEndpoints audit = new AuditEndpoints(view, checkpointer);
        routing.get("/audit/checkpoints", new ReadHandler(audit::checkpoints, authenticator, view, config, pendingKeyChange));
        routing.post("/audit/checkpoints", new ReadHandler(audit::checkpointNow, authenticator, view, config, pendingKeyChange));
        routing.get("/engine/state", new ReadHandler(reads::engineState, authenticator, view, config, pendingKeyChange));
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
