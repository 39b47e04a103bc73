package fundexchange.gateway.http;

/** The one JSON shape of every HTTP error. */
public record ErrorBody(int code, String message, String requestId) {
}
