package fundexchange.gateway.http;

import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.view.GatewayView;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.concurrent.atomic.AtomicLong;

/** A signed read: refused while the key cache is behind a key change already acknowledged (CONTRACTS.md 7). */
final class ReadHandler implements Handler {
    /** What a read endpoint answers for an authenticated caller. */
    @FunctionalInterface
    interface Read {
        Object answer(Caller caller, ServerRequest request);
    }

    private final Read read;
    private final RequestAuthenticator authenticator;
    private final GatewayView view;
    private final GatewayConfig config;
    private final AtomicLong pendingKeyChange;

    ReadHandler(Read read, RequestAuthenticator authenticator, GatewayView view, GatewayConfig config, AtomicLong pendingKeyChange) {
        this.read = read;
        this.authenticator = authenticator;
        this.view = view;
        this.config = config;
        this.pendingKeyChange = pendingKeyChange;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        if (view.appliedIndex() < pendingKeyChange.get()) {
            throw new ApiException(503, ApiError.KEY_CACHE_BEHIND, "a key change is being applied; retry shortly");
        }
        byte[] body = RequestBodies.read(request, config.maxBodyBytes());
        Caller caller = authenticator.authenticate(request, body);
        Json.send(response, 200, read.answer(caller, request));
    }
}
