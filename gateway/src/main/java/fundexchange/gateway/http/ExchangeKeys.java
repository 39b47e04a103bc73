package fundexchange.gateway.http;

import fundexchange.gateway.view.GatewayView;
import fundexchange.gateway.view.KeyHistory;
import fundexchange.signing.KeyFingerprint;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /exchange/keys}, unsigned (CONTRACTS.md 15): the exchange's public keys and their history, in the order the
 * journal registered them, each with its SHA-256 fingerprint, which {@code exchange certificate verify
 * --key-fingerprint} takes to check a certificate's detached signature offline.
 */
final class ExchangeKeys implements Handler {
    private final GatewayView view;

    ExchangeKeys(GatewayView view) {
        this.view = view;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        QueryRules.requireSingle(request);
        if (!request.query().rawValue().isEmpty()) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "GET /exchange/keys takes no query parameters");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platformId", view.platformId());
        body.put("keys", keys(view.keyHistory().exchangeKeys()));
        Json.send(response, 200, body);
    }

    static List<Map<String, Object>> keys(List<KeyHistory.Entry> entries) {
        return entries.stream().map(key -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("keyId", key.keyId());
            shown.put("algorithm", key.algorithm());
            shown.put("publicKey", key.publicKey());
            shown.put("fingerprint", KeyFingerprint.of(Base64.getDecoder().decode(key.publicKey())));
            shown.put("registeredAtIndex", key.registeredAtIndex());
            if (key.revokedAtIndex() != null) {
                shown.put("revokedAtIndex", key.revokedAtIndex());
            }
            return shown;
        }).toList();
    }
}
