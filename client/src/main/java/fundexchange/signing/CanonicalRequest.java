package fundexchange.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The fields of a request that its signature covers. See {@code docs/api-signing.md}.
 *
 * @param method          HTTP method, upper-case
 * @param path            raw request path as sent, starting with {@code /}
 * @param query           the query already in canonical form (see {@link #of}), empty if none
 * @param participant     the signing participant's id
 * @param keyId           the id of the key that signs
 * @param algorithm       the signature algorithm
 * @param timestamp       signing time, epoch milliseconds
 * @param clientRequestId idempotency key for writes, nonce for reads
 * @param bodyDigestHex   lower-case hex SHA-256 of the raw body bytes
 */
public record CanonicalRequest(
        String method,
        String path,
        String query,
        String participant,
        String keyId,
        SignatureAlgorithm algorithm,
        long timestamp,
        String clientRequestId,
        String bodyDigestHex) {

    /** Version tag, the first line of every canonical string. */
    public static final String VERSION = "FXS1";
    /** The SM2 user id (the GB/T 32918 default) that both sides use in SM2's Z value. */
    public static final String SM2_USER_ID = "1234567812345678";

    /** Validates that no field is missing or could forge a line break. */
    public CanonicalRequest {
        Objects.requireNonNull(algorithm, "algorithm");
        requireLine("method", method);
        requireLine("path", path);
        requireLine("query", query);
        requireLine("participant", participant);
        requireLine("keyId", keyId);
        requireLine("clientRequestId", clientRequestId);
        requireLine("bodyDigestHex", bodyDigestHex);
        if (method.isEmpty() || !method.equals(method.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("method must be non-empty upper-case: " + method);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (participant.isEmpty() || keyId.isEmpty() || clientRequestId.isEmpty()) {
            throw new IllegalArgumentException("participant, keyId and clientRequestId must be non-empty");
        }
    }

    /**
     * Builds the canonical request from what is sent on the wire.
     *
     * @param rawQuery the raw (still percent-encoded) query without {@code ?}; null or empty if none
     * @param body     the raw body bytes; empty for none
     */
    public static CanonicalRequest of(String method, String path, String rawQuery, String participant,
            String keyId, SignatureAlgorithm algorithm, long timestampEpochMillis, String clientRequestId,
            byte[] body) {
        return new CanonicalRequest(Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT), path,
                QueryCanonicalizer.canonicalize(rawQuery), participant, keyId, algorithm, timestampEpochMillis,
                clientRequestId, sha256Hex(body));
    }

    /** The lines of the canonical string joined with {@code \n}, no trailing newline. */
    public String canonicalString() {
        return String.join("\n",
                VERSION,
                method,
                path,
                query,
                participant,
                keyId,
                algorithm.wireName(),
                Long.toString(timestamp),
                clientRequestId,
                bodyDigestHex,
                algorithm == SignatureAlgorithm.SM2_SM3 ? SM2_USER_ID : "");
    }

    /** The UTF-8 bytes of {@link #canonicalString()}: the message that is signed. */
    public byte[] bytes() {
        return canonicalString().getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256 of {@code data}. */
    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JDK", e);
        }
    }

    private static void requireLine(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a line break");
        }
    }
}
