package fundexchange.client;

import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Sends requests to the exchange, each signed as {@code docs/api-signing.md} describes. Thread-safe. */
public final class ExchangeClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] EMPTY = new byte[0];

    private final HttpClient http;
    private final String baseUri;
    private final String participant;
    private final String keyId;
    private final SignatureAlgorithm algorithm;
    private final PrivateKey privateKey;
    private final Clock clock;

    /** A client with its own default {@link HttpClient}. */
    public ExchangeClient(URI baseUri, String participant, String keyId, SignatureAlgorithm algorithm,
            PrivateKey privateKey, Clock clock) {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), baseUri, participant, keyId, algorithm,
                privateKey, clock);
    }

    /**
     * A client over {@code http}.
     *
     * @param baseUri scheme, authority and optional path prefix, e.g. {@code http://localhost:8080}
     * @throws IllegalArgumentException if {@code privateKey} is not a key of {@code algorithm}
     */
    public ExchangeClient(HttpClient http, URI baseUri, String participant, String keyId,
            SignatureAlgorithm algorithm, PrivateKey privateKey, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri").toString().replaceAll("/+$", "");
        this.participant = Objects.requireNonNull(participant, "participant");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (KeyMaterial.algorithmOf(privateKey) != algorithm) {
            throw new IllegalArgumentException("private key is not a " + algorithm.wireName() + " key");
        }
    }

    /** POSTs a JSON body; {@code clientRequestId} is the idempotency key. */
    public ClientResponse post(String path, String jsonBody, String clientRequestId)
            throws IOException, InterruptedException {
        return send("POST", path, jsonBody.getBytes(StandardCharsets.UTF_8), clientRequestId);
    }

    /** GETs with an empty body and a fresh random UUID as the nonce. */
    public ClientResponse get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, EMPTY, UUID.randomUUID().toString());
    }

    /**
     * Signs and sends any request.
     *
     * @param pathAndQuery path starting with {@code /}, optionally followed by {@code ?} and a raw query
     */
    public ClientResponse send(String method, String pathAndQuery, byte[] body, String clientRequestId)
            throws IOException, InterruptedException {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + pathAndQuery);
        }
        URI uri = URI.create(baseUri + pathAndQuery);
        CanonicalRequest canonical = CanonicalRequest.of(method, uri.getRawPath(), uri.getRawQuery(), participant,
                keyId, algorithm, clock.millis(), clientRequestId, body);
        byte[] signature = Signatures.sign(algorithm, privateKey, canonical.bytes());

        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(canonical.method(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> header : SignedHeaders.of(canonical, signature).entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        if (body.length > 0) {
            request.header("Content-Type", SignedHeaders.JSON);
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ClientResponse(response.statusCode(), response.body());
    }
}
