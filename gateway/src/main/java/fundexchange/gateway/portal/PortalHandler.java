package fundexchange.gateway.portal;

import fundexchange.gateway.http.ApiError;
import fundexchange.gateway.http.ApiException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /} and {@code GET /portal/...}, unsigned (CONTRACTS.md 15: the portal's static assets): the asset whose URL
 * is exactly the request's raw path, else 404 in the API's error shape. A query is refused (400): assets take none,
 * and a cache must never hold two copies of one.
 */
public final class PortalHandler implements Handler {
    private final PortalAssets assets;

    public PortalHandler(PortalAssets assets) {
        this.assets = assets;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        if (!request.query().rawValue().isEmpty()) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "portal assets take no query");
        }
        String path = request.path().rawPath();
        PortalAsset asset = assets.at(path)
                .orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no such portal asset"));
        PortalPolicy.apply(response, asset, assets.contentSecurityPolicy());
        response.send(asset.body());
    }
}
