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
 * signature is bound to and the signing scheme, beside the exchange's public keys with their history.
 */
final class ExchangeIdentity implements Handler {
    private final GatewayView view;

    ExchangeIdentity(GatewayView view) {
        this.view = view;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platformId", view.platformId());
        body.put("signingScheme", CanonicalRequest.VERSION);
        body.put("exchangeKeys", view.keyHistory().exchangeKeys());
        Json.send(response, 200, body);
    }
}
