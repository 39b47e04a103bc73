package fundexchange.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Sends requests to the exchange, each signed as {@code docs/api-signing.md} describes. Thread-safe. */
public final class ExchangeClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] EMPTY = new byte[0];
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** {@code POST /auctions}: a holder auctions a lot (ListAuction). */
    public ClientResponse listAuction(AuctionListing auction, String clientRequestId)
            throws IOException, InterruptedException {
        return post("/auctions", auction.json(), clientRequestId);
    }

    /** {@code POST /listings/{listingId}/bids}: an open bid on an English auction, per unit, binding once placed. */
    public ClientResponse placeBid(long listingId, String price, String clientRequestId)
            throws IOException, InterruptedException {
        return post("/listings/" + listingId + "/bids", priced(price), clientRequestId);
    }

    /** {@code POST /listings/{listingId}/sealed-bids}: a sealed bid, per unit; nobody sees its price before the close. */
    public ClientResponse placeSealedBid(long listingId, String price, String clientRequestId)
            throws IOException, InterruptedException {
        return post("/listings/" + listingId + "/sealed-bids", priced(price), clientRequestId);
    }

    /** {@code POST /bids/{bidId}/amend}: replaces the caller's sealed bid with a new price. */
    public ClientResponse amendSealedBid(long bidId, String price, String clientRequestId)
            throws IOException, InterruptedException {
        return post("/bids/" + bidId + "/amend", priced(price), clientRequestId);
    }

    /** {@code POST /bids/{bidId}/cancel}: withdraws the caller's sealed bid before the close. */
    public ClientResponse cancelBid(long bidId, String clientRequestId) throws IOException, InterruptedException {
        return post("/bids/" + bidId + "/cancel", "{}", clientRequestId);
    }

    /**
     * {@code POST /listings/{listingId}/rofr} (staff): the right of first refusal WAIVED by {@code waivedBy}, or
     * EXERCISED by {@code exercisedBy}.
     */
    public ClientResponse clearRofr(long listingId, String decision, List<String> waivedBy,
                                    Optional<String> exercisedBy, String clientRequestId)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("decision", decision);
        waivedBy.forEach(body.putArray("waivedBy")::add);
        exercisedBy.ifPresent(holder -> body.put("exercisedBy", holder));
        return post("/listings/" + listingId + "/rofr", body.toString(), clientRequestId);
    }

    /** {@code GET /listings}, with an optional raw query such as {@code status=OPEN&mechanism=SEALED} (may be empty). */
    public ClientResponse listings(String rawQuery) throws IOException, InterruptedException {
        return get(rawQuery.isEmpty() ? "/listings" : "/listings?" + rawQuery);
    }

    /** {@code GET /listings/{listingId}}. */
    public ClientResponse listing(long listingId) throws IOException, InterruptedException {
        return get("/listings/" + listingId);
    }

    /** {@code GET /listings/{listingId}/bids}. */
    public ClientResponse bids(long listingId) throws IOException, InterruptedException {
        return get("/listings/" + listingId + "/bids");
    }

    private static String priced(String price) {
        ObjectNode body = JSON.createObjectNode();
        body.put("price", Objects.requireNonNull(price, "price"));
        return body.toString();
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
