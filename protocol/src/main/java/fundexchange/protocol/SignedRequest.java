package fundexchange.protocol;

/**
 * The signed HTTP request a command came from, kept whole so an auditor can re-verify the signature later.
 * {@code body} is the exact UTF-8 request body; {@code bodyDigest} is its SHA-256 in lower-case hex. {@code scheme}
 * is the version of the canonical string it was signed under ({@code FXS2}); absent in requests journaled before
 * FXS2, which are FXS1 (docs/api-signing.md).
 */
public record SignedRequest(String participant, String keyId, String algorithm, String signature, long signedTimestamp,
                            String clientRequestId, String method, String path, String query, String bodyDigest,
                            String body, String scheme) {

    /** A request that names no scheme, as every request journaled before FXS2. */
    public SignedRequest(String participant, String keyId, String algorithm, String signature, long signedTimestamp,
                         String clientRequestId, String method, String path, String query, String bodyDigest,
                         String body) {
        this(participant, keyId, algorithm, signature, signedTimestamp, clientRequestId, method, path, query, bodyDigest,
                body, null);
    }
}
