package fundexchange.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's own refusals, made before any route runs (a malformed request line or header, a URI or header block
 * too long, an unsupported HTTP version, a body over the server's limit), answered in the one error shape
 * {@code {code, message, requestId}} instead of Helidon's empty or plain-text bodies.
 */
public final class HelidonErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private HelidonErrors() {
    }

    /** A handler for every event type the server answers directly. */
    public static DirectHandlers directHandlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        DirectHandler handler = (request, type, status, headers, message) -> answer(type, status, headers);
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    private static DirectHandler.TransportResponse answer(DirectHandler.EventType type, Status status,
                                                          ServerResponseHeaders headers) {
        ApiError error = error(status.code());
        // Helidon's own message may echo the request; the reason phrase never does. (Helidon answers an oversized
        // header block as a plain 400 and passes no message that would tell it apart.)
        ErrorBody body = new ErrorBody(error.code(), status.reasonPhrase(), "gateway-direct-" + SEQUENCE.incrementAndGet());
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        headers.set(HeaderNames.CONTENT_TYPE, "application/json");
        return DirectHandler.TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(type.keepAlive())
                .entity(bytes)
                .build();
    }

    /** An error body the listener writes itself, outside any request (a refused connection). */
    public static byte[] errorJson(ApiError error, String message) {
        try {
            return JSON.writeValueAsBytes(new ErrorBody(error.code(), message, "gateway-direct-" + SEQUENCE.incrementAndGet()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code of a status the server may answer itself (docs/api.md, error codes). */
    static ApiError error(int status) {
        return switch (status) {
            case 403 -> ApiError.FORBIDDEN;
            case 404 -> ApiError.NOT_FOUND;
            case 405 -> ApiError.METHOD_NOT_ALLOWED;
            case 408 -> ApiError.REQUEST_TIMEOUT;
            case 413 -> ApiError.BODY_TOO_LARGE;
            case 414 -> ApiError.URI_TOO_LONG;
            case 503 -> ApiError.UNAVAILABLE;
            case 505 -> ApiError.HTTP_VERSION_NOT_SUPPORTED;
            default -> status >= 500 ? ApiError.INTERNAL : ApiError.MALFORMED_REQUEST;
        };
    }
}
