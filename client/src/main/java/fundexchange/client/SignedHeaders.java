package fundexchange.client;

import fundexchange.signing.CanonicalRequest;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names of the headers that carry a request's signature, shared by the client and the gateway. */
public final class SignedHeaders {

    /** The signing participant's id. */
    public static final String PARTICIPANT = "X-Participant";
    /** The id of the signing key. */
    public static final String KEY_ID = "X-Key-Id";
    /** The signature algorithm's wire name. */
    public static final String ALGORITHM = "X-Algorithm";
    /** Signing time in epoch milliseconds, decimal. */
    public static final String TIMESTAMP = "X-Timestamp";
    /** Idempotency key for writes, nonce for reads. */
    public static final String CLIENT_REQUEST_ID = "X-Client-Request-Id";
    /** Standard Base64 (with padding) of the signature bytes. */
    public static final String SIGNATURE = "X-Signature";
    /** Content type of every request body. */
    public static final String JSON = "application/json";

    private SignedHeaders() {
    }

    /** The signature headers, in the order above, for {@code request} signed as {@code signature}. */
    public static Map<String, String> of(CanonicalRequest request, byte[] signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(PARTICIPANT, request.participant());
        headers.put(KEY_ID, request.keyId());
        headers.put(ALGORITHM, request.algorithm().wireName());
        headers.put(TIMESTAMP, Long.toString(request.timestamp()));
        headers.put(CLIENT_REQUEST_ID, request.clientRequestId());
        headers.put(SIGNATURE, Base64.getEncoder().encodeToString(signature));
        return Collections.unmodifiableMap(headers);
    }
}
