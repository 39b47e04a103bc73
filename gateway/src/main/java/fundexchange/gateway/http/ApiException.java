package fundexchange.gateway.http;

/** A refusal with an HTTP status and a stable numeric code; rendered as {@code {code, message, requestId}}. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final int code;

    public ApiException(int status, ApiError error, String message) {
        this(status, error.code(), message);
    }

    public ApiException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }
}
