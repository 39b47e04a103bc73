package fundexchange.gateway.apidocs;

import fundexchange.gateway.http.ApiError;
import fundexchange.gateway.http.ApiException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /docs} and {@code GET /docs/...}, unsigned (CONTRACTS.md 15: the OpenAPI document's interactive docs):
 * the file whose URL is exactly the request's raw path, else 404. A query is refused (400): the docs show one fixed
 * document, so nothing in a link (no {@code ?url=}, no {@code ?configUrl=}) can make them load another.
 */
public final class ApiDocsHandler implements Handler {
    private final ApiDocs docs;

    public ApiDocsHandler(ApiDocs docs) {
        this.docs = docs;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        if (!request.query().rawValue().isEmpty()) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "the API docs take no query: they show "
                    + ApiDocs.DOCUMENT + " only");
        }
        DocsFile file = docs.at(request.path().rawPath())
                .orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no such file of the API docs"));
        ApiDocsPolicy.apply(response, file);
        response.send(file.body());
    }
}
