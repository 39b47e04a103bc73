package fundexchange.gateway.auth;

import fundexchange.client.SignedHeaders;
import fundexchange.gateway.http.ApiError;
import fundexchange.gateway.http.ApiException;
import fundexchange.gateway.view.KeyCache;
import fundexchange.gateway.view.KnownKey;
import fundexchange.protocol.Windows;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.time.Clock;

/**
 * Verifies a request's signature (docs/api-signing.md) on the calling request thread, against the key cache, with a
 * timestamp window checked on an injected clock, over the FXS2 canonical string bound to this platform's id: once per
 * request, so a bad signature costs one verification. Reads also refuse a nonce seen before within the window, and
 * any read signed before this authenticator was made (the gateway's start), whose nonce a previous run may have seen;
 * the nonces are kept in a bounded {@link NonceMemory}, and a read that finds it full is refused (503, code 136), one
 * whose participant holds its share of it already too (429, code 137): only that participant's reads; part of the
 * memory is kept for ACTIVE STAFF and REGULATOR callers ({@link fundexchange.gateway.ReadLimits}).
 */
public final class RequestAuthenticator {
    private static final HeaderName PARTICIPANT = HeaderNames.create(SignedHeaders.PARTICIPANT);
    private static final HeaderName KEY_ID = HeaderNames.create(SignedHeaders.KEY_ID);
    private static final HeaderName ALGORITHM = HeaderNames.create(SignedHeaders.ALGORITHM);
    private static final HeaderName TIMESTAMP = HeaderNames.create(SignedHeaders.TIMESTAMP);
    private static final HeaderName REQUEST_ID = HeaderNames.create(SignedHeaders.CLIENT_REQUEST_ID);
    private static final HeaderName SIGNATURE = HeaderNames.create(SignedHeaders.SIGNATURE);

    private static final int MAX_REQUEST_ID = 128;
    /**
     * How far ahead of this gateway's clock a request that is not journaled may be signed. The nonce memory does not
     * survive a restart; a read signed ahead could otherwise be replayed after a restart that comes before its
     * timestamp, so at most this long after its capture.
     */
    static final long MAX_AHEAD_UNJOURNALED_MS = 5_000;
    private static final java.util.regex.Pattern ALGORITHMS = java.util.regex.Pattern.compile(
            java.util.Arrays.stream(SignatureAlgorithm.values()).map(a -> java.util.regex.Pattern.quote(a.wireName()))
                    .collect(java.util.stream.Collectors.joining("|")));
    private final KeyCache keys;
    private final Clock clock;
    private final java.util.function.LongSupplier window;
    private final NonceMemory nonces;
    private final boolean verifySignatures;
    private final String platformId;
    private final long startedAt;
    private final Verifier verifier;

    /** Checks a signature over a message with a key of the cache. */
    @FunctionalInterface
    public interface Verifier {
        /** The verification every request gets: {@link Signatures#verify} with the key's decoded public key. */
        Verifier SIGNATURES = (key, message, signature) ->
                key.verifier().map(v -> Signatures.verify(v, message, signature)).orElse(false);

        boolean verifies(KnownKey key, byte[] message, byte[] signature);
    }

    /** {@code window} is the platform's W as currently journaled; {@code platformId} the genesis's. */
    public RequestAuthenticator(KeyCache keys, Clock clock, java.util.function.LongSupplier window, String platformId) {
        this(keys, clock, window, platformId, true, fundexchange.gateway.ReadLimits.DEFAULTS);
    }

    /**
     * As above, remembering read nonces as {@code reads} bounds them; {@code verifySignatures == false} only for the
     * loopback-only benchmark mode ({@code GatewayConfig.unsignedBench}), where everything but the signature check
     * itself still runs.
     */
    public RequestAuthenticator(KeyCache keys, Clock clock, java.util.function.LongSupplier window, String platformId,
                                boolean verifySignatures, fundexchange.gateway.ReadLimits reads) {
        this(keys, clock, window, platformId, verifySignatures, reads, Verifier.SIGNATURES);
    }

    /** As above, remembering at most {@code readNonces} read nonces, with the default share and reserve. */
    public RequestAuthenticator(KeyCache keys, Clock clock, java.util.function.LongSupplier window, String platformId,
                                boolean verifySignatures, int readNonces) {
        this(keys, clock, window, platformId, verifySignatures, new fundexchange.gateway.ReadLimits(1, readNonces));
    }

    /** As above, with {@code readNonces} read nonces and the signature check {@code verifier} (tests count its calls). */
    public RequestAuthenticator(KeyCache keys, Clock clock, java.util.function.LongSupplier window, String platformId,
                                boolean verifySignatures, int readNonces, Verifier verifier) {
        this(keys, clock, window, platformId, verifySignatures, new fundexchange.gateway.ReadLimits(1, readNonces),
                verifier);
    }

    /** As above, with the signature check {@code verifier} (tests count its calls). */
    public RequestAuthenticator(KeyCache keys, Clock clock, java.util.function.LongSupplier window, String platformId,
                                boolean verifySignatures, fundexchange.gateway.ReadLimits reads, Verifier verifier) {
        this.verifySignatures = verifySignatures;
        this.platformId = platformId;
        this.startedAt = clock.millis();
        this.keys = keys;
        this.clock = clock;
        this.window = window;
        this.nonces = new NonceMemory(reads.readNonces(), reads.readNoncesPerParticipant(), reads.readNoncesUnreserved(),
                KeyedHash.random());
        this.verifier = verifier;
    }

    /** Whether {@code participant} may use the nonce room kept for oversight: ACTIVE with STAFF or REGULATOR. */
    private boolean reserved(String participant) {
        java.util.Set<fundexchange.protocol.reference.Role> roles = keys.roles(participant);
        return keys.status(participant) == fundexchange.protocol.reference.ParticipantStatus.ACTIVE
                && (roles.contains(fundexchange.protocol.reference.Role.STAFF)
                || roles.contains(fundexchange.protocol.reference.Role.REGULATOR));
    }

    /** The clock timestamps are checked against, in epoch ms (published unsigned by {@code GET /exchange}). */
    public long clockMillis() {
        return clock.millis();
    }

    /**
     * What can be checked before the body is read (the signature covers the body's digest): the security headers'
     * form, the timestamp's window and that the key is an unrevoked key of the claimed participant, whose id it
     * answers. Not proof of who sent the request: {@link #authenticate} still verifies the signature. A large body
     * (a data-room upload) is read only after this passes.
     */
    public String claimant(ServerRequest request) {
        String participant = SecurityHeaders.value(request, PARTICIPANT, SecurityHeaders.ID,
                "a participant id: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        String keyId = SecurityHeaders.value(request, KEY_ID, SecurityHeaders.ID,
                "a key id: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        SecurityHeaders.value(request, ALGORITHM, ALGORITHMS, "ED25519 or SM2-SM3");
        long timestamp = SecurityHeaders.timestamp(request, TIMESTAMP);
        SecurityHeaders.value(request, REQUEST_ID, SecurityHeaders.REQUEST_ID,
                "1-" + MAX_REQUEST_ID + " letters, digits, '.', '_', '~' or '-'");
        SecurityHeaders.signature(request, SIGNATURE);
        long now = clock.millis();
        long windowMs = window.getAsLong();
        if (!Windows.within(timestamp, now, windowMs)) {
            throw new ApiException(401, ApiError.TIMESTAMP_OUT_OF_WINDOW, "X-Timestamp is more than " + windowMs + " ms from the exchange clock");
        }
        knownKey(participant, keyId);
        return participant;
    }

    private KnownKey knownKey(String participant, String keyId) {
        KnownKey key = keys.key(keyId).filter(k -> k.participantId().equals(participant))
                .orElseThrow(() -> new ApiException(401, ApiError.UNKNOWN_KEY, "key " + keyId + " is not a key of " + participant));
        if (key.revoked()) {
            throw new ApiException(401, ApiError.REVOKED_KEY, "key " + keyId + " is revoked");
        }
        return key;
    }

    /**
     * Authenticates a request. {@code journaled} is true for a write, whose clientRequestId the engine remembers in the
     * journal; every other request (every GET, and the operations answered without a command: checkpoint now,
     * snapshot, clock acknowledgement) is single-use here instead: refused if signed before this gateway started
     * (150) or if its nonce was seen within the window (113).
     */
    public Caller authenticate(ServerRequest request, byte[] body, boolean journaled) {
        String participant = claimant(request);
        String keyId = request.headers().first(KEY_ID).orElseThrow();
        String algorithmName = request.headers().first(ALGORITHM).orElseThrow();
        long timestamp = SecurityHeaders.timestamp(request, TIMESTAMP);
        String clientRequestId = request.headers().first(REQUEST_ID).orElseThrow();
        byte[] signatureBytes = SecurityHeaders.signature(request, SIGNATURE);
        String signature = request.headers().first(SIGNATURE).orElseThrow();
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromWireName(algorithmName);
        long now = clock.millis();
        long windowMs = window.getAsLong();
        KnownKey key = knownKey(participant, keyId);
        String method = request.prologue().method().text();
        String path = request.path().rawPath();
        String query = request.query().rawValue();
        CanonicalRequest canonical;
        try {
            canonical = CanonicalRequest.of(platformId, method, path, query, participant, keyId, algorithm, timestamp,
                    clientRequestId, body);
        } catch (IllegalArgumentException e) {
            throw new ApiException(401, ApiError.BAD_SIGNATURE, "cannot canonicalise the request: " + e.getMessage());
        }
        if (!key.algorithm().equals(algorithm.wireName())) {
            throw new ApiException(401, ApiError.BAD_SIGNATURE, "signature does not verify");
        }
        // One verification only: trying FXS1 as well to tell an old client apart would double what a bad signature
        // costs the gateway, so an FXS1 signature gets this answer too (docs/api-signing.md).
        if (verifySignatures && !verifier.verifies(key, canonical.bytes(), signatureBytes)) {
            throw new ApiException(401, ApiError.BAD_SIGNATURE, "signature does not verify over the "
                    + CanonicalRequest.VERSION + " canonical string of platform " + platformId + " (an FXS1 signature,"
                    + " which binds no platform, is no longer accepted: docs/api-signing.md; GET /exchange)");
        }
        if (!journaled && timestamp > Windows.plus(now, MAX_AHEAD_UNJOURNALED_MS)) {
            throw new ApiException(401, ApiError.TIMESTAMP_OUT_OF_WINDOW, "X-Timestamp of a request that is not"
                    + " journaled (a read or an operation) may be at most " + MAX_AHEAD_UNJOURNALED_MS
                    + " ms ahead of the exchange clock");
        }
        if (!journaled && timestamp < startedAt) {
            throw new ApiException(401, ApiError.SIGNED_BEFORE_START, "X-Timestamp is before this gateway started;"
                    + " sign the request again with a fresh timestamp");
        }
        if (!journaled) {
            switch (nonces.use(participant, clientRequestId, Windows.plus(timestamp, windowMs), now, reserved(participant))) {
                case FIRST -> {
                }
                case REPEATED -> throw new ApiException(401, ApiError.REPLAYED_NONCE, "X-Client-Request-Id was already"
                        + " used for a request that is not journaled (a read or an operation)");
                case FULL -> throw new ApiException(503, ApiError.READ_NONCES_FULL, "the gateway remembers as many read"
                        + " nonces as it may; retry later");
                case SHARE_FULL -> throw new ApiException(429, ApiError.READ_NONCE_SHARE_FULL, "you hold your share of"
                        + " the gateway's read-nonce memory with nonces still inside the window; send fewer reads and"
                        + " retry later");
            }
        }
        return new Caller(participant, keys.roles(participant), keyId, algorithm.wireName(), signature, timestamp,
                clientRequestId, method, path, query, canonical.bodyDigestHex(), body, canonical.scheme());
    }
}
