package fundexchange.gateway.http;

import fundexchange.gateway.view.GatewayView;
import fundexchange.signing.CanonicalRequest;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /exchange}, unsigned (CONTRACTS.md 15): what a client needs before it can sign, the platform id every
 * signature is bound to and the signing scheme, beside the exchange's public keys with their history; the exchange's
 * clock ({@code serverTime}, epoch ms), which a client's timestamps must be within the window of, and the platform
 * zone ({@code zone}), in which people read times.
 */
final class ExchangeIdentity implements Handler {
    private final GatewayView view;
    private final java.util.function.LongSupplier clock;

    ExchangeIdentity(GatewayView view, java.util.function.LongSupplier clock) {
        this.view = view;
        this.clock = clock;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platformId", view.platformId());
        body.put("signingScheme", CanonicalRequest.VERSION);
        body.put("exchangeKeys", view.keyHistory().exchangeKeys());
        // The clock signatures are checked against, so a browser signs with the server's time, not its own.
        body.put("serverTime", clock.getAsLong());
        body.put("zone", view.zone().getId());
        Json.send(response, 200, body);
    }
}
