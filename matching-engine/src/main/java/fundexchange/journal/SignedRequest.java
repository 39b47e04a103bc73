package fundexchange.journal;

/**
 * The signed HTTP request a command came from, kept whole so an auditor can re-verify the signature later.
 * {@code body} is the exact UTF-8 request body; {@code bodyDigest} is its SHA-256 in lower-case hex.
 */
public record SignedRequest(String participant, String keyId, String algorithm, String signature, long signedTimestamp,
                            String clientRequestId, String method, String path, String query, String bodyDigest,
                            String body) {
}
