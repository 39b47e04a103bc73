package fundexchange.client;

/**
 * What the exchange answered.
 *
 * @param status the HTTP status code
 * @param body   the response body decoded as UTF-8
 */
public record ClientResponse(int status, String body) {
}
