package fundexchange.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fields of a request that its signature covers. See {@code docs/api-signing.md}.
 *
 * @param scheme          the version of the canonical string: {@link SigningScheme#FXS2} for every new request
 * @param platformId      the deployment the request is meant for (FXS2); empty under FXS1, which binds none
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
        SigningScheme scheme,
        String platformId,
        String method,
        String path,
        String query,
        String participant,
        String keyId,
        SignatureAlgorithm algorithm,
        long timestamp,
        String clientRequestId,
        String bodyDigestHex) {

    /** The current version tag, the first line of every canonical string the client signs. */
    public static final String VERSION = "FXS2";
    /** The SM2 user id (the GB/T 32918 default) that both sides use in SM2's Z value. */
    public static final String SM2_USER_ID = "1234567812345678";

    /** Validates that no field is missing or could forge a line break. */
    public CanonicalRequest {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(platformId, "platformId");
        if (scheme == SigningScheme.FXS2) {
            PlatformId.requireValid(platformId);
        } else if (!platformId.isEmpty()) {
            throw new IllegalArgumentException("FXS1 binds no platform id");
        }
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
     * Builds the FXS2 canonical request, bound to {@code platformId}, from what is sent on the wire.
     *
     * @param platformId the deployment's platform id, as {@code GET /exchange} publishes it
     * @param rawQuery   the raw (still percent-encoded) query without {@code ?}; null or empty if none
     * @param body       the raw body bytes; empty for none
     */
    public static CanonicalRequest of(String platformId, String method, String path, String rawQuery,
            String participant, String keyId, SignatureAlgorithm algorithm, long timestampEpochMillis,
            String clientRequestId, byte[] body) {
        return new CanonicalRequest(SigningScheme.FXS2, platformId,
                Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT), path,
                QueryCanonicalizer.canonicalize(rawQuery), participant, keyId, algorithm, timestampEpochMillis,
                clientRequestId, sha256Hex(body));
    }

    /**
     * As {@link #of}, under FXS1, which binds no platform: only to verify requests journaled before FXS2. Nothing
     * signs FXS1 any more and the gateway refuses it.
     */
    public static CanonicalRequest ofFxs1(String method, String path, String rawQuery, String participant,
            String keyId, SignatureAlgorithm algorithm, long timestampEpochMillis, String clientRequestId,
            byte[] body) {
        return new CanonicalRequest(SigningScheme.FXS1, "",
                Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT), path,
                QueryCanonicalizer.canonicalize(rawQuery), participant, keyId, algorithm, timestampEpochMillis,
                clientRequestId, sha256Hex(body));
    }

    /**
     * The same request under FXS1, which binds no platform. For verification only, of requests journaled before FXS2
     * (the audit verifier); the gateway verifies FXS2 only. Never sign with it.
     */
    public CanonicalRequest asFxs1() {
        return new CanonicalRequest(SigningScheme.FXS1, "", method, path, query, participant, keyId, algorithm,
                timestamp, clientRequestId, bodyDigestHex);
    }

    /** The lines of the canonical string joined with {@code \n}, no trailing newline. */
    public String canonicalString() {
        List<String> lines = new ArrayList<>(12);
        lines.add(scheme.tag());
        if (scheme == SigningScheme.FXS2) {
            lines.add(platformId);
        }
        Collections.addAll(lines,
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
        return String.join("\n", lines);
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
