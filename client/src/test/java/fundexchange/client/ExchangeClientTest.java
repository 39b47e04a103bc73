package fundexchange.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.money.Price;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExchangeClientTest {

    private static final long NOW = 1_795_000_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private static final String PLATFORM = "fx-test";

    private static ExchangeClient client(RecordingServer server, SignatureAlgorithm algorithm, KeyPair pair) {
        return new ExchangeClient(server.baseUri(), "Holder-01", "Holder-01-k1", algorithm, pair.getPrivate(),
                CLOCK).pinnedTo(PLATFORM);
    }

    /** What the gateway of platform {@code fx-test} will do: rebuild the canonical request from the wire and verify. */
    private static boolean verifiesAsTheGatewayWould(RecordingServer.Received request, KeyPair pair) {
        return verifiesForPlatform(PLATFORM, request, pair);
    }

    private static boolean verifiesForPlatform(String platformId, RecordingServer.Received request, KeyPair pair) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromWireName(request.header(SignedHeaders.ALGORITHM));
        CanonicalRequest canonical = CanonicalRequest.of(platformId, request.method(), request.rawPath(), request.rawQuery(),
                request.header(SignedHeaders.PARTICIPANT), request.header(SignedHeaders.KEY_ID), algorithm,
                Long.parseLong(request.header(SignedHeaders.TIMESTAMP)),
                request.header(SignedHeaders.CLIENT_REQUEST_ID), request.body());
        byte[] signature = Base64.getDecoder().decode(request.header(SignedHeaders.SIGNATURE));
        return Signatures.verify(algorithm, KeyMaterial.spki(pair.getPublic()), canonical.bytes(), signature);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void postSendsSignedJsonThatTheServerCanVerify(SignatureAlgorithm algorithm) throws Exception {
        KeyPair pair = KeyMaterial.generate(algorithm);
        try (RecordingServer server = new RecordingServer(201, "{\"sourceIndex\":7}")) {
            ClientResponse response = client(server, algorithm, pair)
                    .post("/listings?b=2&a=1", "{\"units\":100}", "req-0001");

            assertEquals(new ClientResponse(201, "{\"sourceIndex\":7}"), response);
            RecordingServer.Received request = server.received().get(0);
            assertEquals("POST", request.method());
            assertEquals("/listings", request.rawPath());
            assertEquals("b=2&a=1", request.rawQuery());
            assertEquals("{\"units\":100}", new String(request.body(), StandardCharsets.UTF_8));
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals("Holder-01", request.header(SignedHeaders.PARTICIPANT));
            assertEquals("Holder-01-k1", request.header(SignedHeaders.KEY_ID));
            assertEquals(algorithm.wireName(), request.header(SignedHeaders.ALGORITHM));
            assertEquals(Long.toString(NOW), request.header(SignedHeaders.TIMESTAMP));
            assertEquals("req-0001", request.header(SignedHeaders.CLIENT_REQUEST_ID));
            assertTrue(verifiesAsTheGatewayWould(request, pair));
        }
    }

    @Test
    void theAuctionTermsConstructorFromBeforeDutchAuctionsStillBuildsAnAuctionWithoutAStep() {
        AuctionListing former = new AuctionListing("DGF3", "ENGLISH", "1000.00", "1.0000", Optional.empty(),
                Optional.of("0.0100"), 1_000L, 2_000L, Optional.empty(), Optional.empty(), false);
        assertEquals(AuctionListing.english("DGF3", "1000.00", "1.0000", "0.0100", 1_000L, 2_000L), former);
        assertEquals("{\"fundCode\":\"DGF3\",\"mechanism\":\"ENGLISH\",\"units\":\"1000.00\",\"startingPrice\":\"1.0000\","
                + "\"minIncrement\":\"0.0100\",\"startsAt\":1000,\"endsAt\":2000}", former.json());
    }

    @Test
    void anAuctionOfAnyMechanismIsBuiltFromItsNameAndTermsAndTheShorthandsAreTheSameBodies() {
        assertEquals(AuctionListing.dutch("DGF3", "500.00", "1.0000", "0.8000", "0.0500", 20_000L, 1_000L, 2_000L),
                AuctionListing.of("DUTCH", "DGF3", "500.00", "1.0000", 1_000L, 2_000L).withReserve("0.8000")
                        .withMinIncrement("0.0500").withStep(20_000L));
        assertEquals(AuctionListing.sealed("DGF3", "500.00", "1.0000", 1_000L, 2_000L),
                AuctionListing.of("SEALED", "DGF3", "500.00", "1.0000", 1_000L, 2_000L));
        assertEquals("{\"fundCode\":\"DGF3\",\"mechanism\":\"ANOTHER\",\"units\":\"500.00\",\"startingPrice\":\"1.0000\","
                + "\"reservePrice\":\"0.8000\",\"startsAt\":1000,\"endsAt\":2000,\"stepMs\":20000}",
                AuctionListing.of("ANOTHER", "DGF3", "500.00", "1.0000", 1_000L, 2_000L).withReserve("0.8000")
                        .withStep(20_000L).json(), "a mechanism the client does not know is sent as named");
    }

    @Test
    void getSignsAnEmptyBodyWithAFreshUuidNonce() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        try (RecordingServer server = new RecordingServer(200, "[]")) {
            ExchangeClient client = client(server, SignatureAlgorithm.ED25519, pair);
            assertEquals(new ClientResponse(200, "[]"), client.get("/feed?cursor=a%20b&limit=10"));
            client.get("/feed?cursor=a%20b&limit=10");

            List<RecordingServer.Received> requests = server.received();
            RecordingServer.Received first = requests.get(0);
            assertEquals(0, first.body().length);
            assertNull(first.header("Content-Type"));
            assertEquals("cursor=a%20b&limit=10", first.rawQuery());
            String nonce = first.header(SignedHeaders.CLIENT_REQUEST_ID);
            assertEquals(nonce, UUID.fromString(nonce).toString());
            assertNotEquals(nonce, requests.get(1).header(SignedHeaders.CLIENT_REQUEST_ID));
            assertTrue(verifiesAsTheGatewayWould(first, pair));
            assertTrue(verifiesAsTheGatewayWould(requests.get(1), pair));
        }
    }

    @Test
    void signsThePathIncludingABaseUriPrefix() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        try (RecordingServer server = new RecordingServer(200, "")) {
            ExchangeClient client = new ExchangeClient(server.baseUri().resolve("/api/"), "P", "P-k1",
                    SignatureAlgorithm.SM2_SM3, pair.getPrivate(), CLOCK).pinnedTo(PLATFORM);
            client.send("DELETE", "/orders/42", new byte[0], "req-9");

            RecordingServer.Received request = server.received().get(0);
            assertEquals("DELETE", request.method());
            assertEquals("/api/orders/42", request.rawPath());
            assertTrue(verifiesAsTheGatewayWould(request, pair));
        }
    }

    @Test
    void auctionCallsPostToTheirEndpointsWithTheirBodies() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        try (RecordingServer server = new RecordingServer(200, "{}")) {
            ExchangeClient client = client(server, SignatureAlgorithm.ED25519, pair);
            client.listAuction(AuctionListing.english("DGF3", "1000.00", "1.0000", "0.0500", 10, 20)
                    .withReserve("1.2000").withExtensions(60_000, 120_000), "a-1");
            client.listAuction(AuctionListing.sealed("DGF3", "1000.00", "1.0000", 10, 20).atSecondPrice(), "a-2");
            client.placeBid(7, "1.1000", "a-3");
            client.placeSealedBid(8, new SealedBidBody("1.2000", "ab".repeat(32)), "a-4");
            client.amendSealedBid(9, new SealedBidBody("1.3000", "cd".repeat(32)), "a-5");
            client.cancelBid(9, "a-6");
            client.clearRofr(8, "EXERCISED", List.of("Holder-02"), Optional.of("Holder-03"), "a-7");
            client.listings("status=OPEN");
            client.listing(8);
            client.bids(8);

            List<String> sent = server.received().stream()
                    .map(r -> r.method() + " " + r.rawPath() + (r.rawQuery() == null ? "" : "?" + r.rawQuery()) + " "
                            + new String(r.body(), StandardCharsets.UTF_8)).toList();
            assertEquals(List.of(
                    "POST /auctions {\"fundCode\":\"DGF3\",\"mechanism\":\"ENGLISH\",\"units\":\"1000.00\","
                            + "\"startingPrice\":\"1.0000\",\"reservePrice\":\"1.2000\",\"minIncrement\":\"0.0500\","
                            + "\"startsAt\":10,\"endsAt\":20,\"extensionWindowMs\":60000,\"extensionMs\":120000}",
                    "POST /auctions {\"fundCode\":\"DGF3\",\"mechanism\":\"SEALED\",\"units\":\"1000.00\","
                            + "\"startingPrice\":\"1.0000\",\"startsAt\":10,\"endsAt\":20,\"secondPrice\":true}",
                    "POST /listings/7/bids {\"price\":\"1.1000\"}",
                    "POST /listings/8/sealed-bids {\"nonce\":\"" + "ab".repeat(32) + "\",\"price\":\"1.2000\"}" + " ".repeat(15),
                    "POST /bids/9/amend {\"nonce\":\"" + "cd".repeat(32) + "\",\"price\":\"1.3000\"}" + " ".repeat(15),
                    "POST /bids/9/cancel {}",
                    "POST /listings/8/rofr {\"decision\":\"EXERCISED\",\"waivedBy\":[\"Holder-02\"],\"exercisedBy\":\"Holder-03\"}",
                    "GET /listings?status=OPEN ",
                    "GET /listings/8 ",
                    "GET /listings/8/bids "), sent);
            server.received().forEach(request -> assertTrue(verifiesAsTheGatewayWould(request, pair)));
        }
    }

    /**
     * A mechanism's own terms go as the body's {@code terms}: {@code type} first, then the record's components in
     * order, a decimal as a string of the amount's scale and a whole number as a JSON number, exactly as the
     * gateway's strict grammar reads them. The client has no code for the clock auction (no mechanism claims its terms
     * yet; the exchange refuses them, which {@code InvestorApiSystemTest} shows over a running exchange).
     */
    @Test
    void aListingAndABidCarryTheirMechanismsTermsTypedAndInTheRecordsOrder() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        try (RecordingServer server = new RecordingServer(200, "{}")) {
            ExchangeClient client = client(server, SignatureAlgorithm.ED25519, pair);
            AuctionListing clock = AuctionListing.of("ENGLISH", "DGF3", "1000.00", "1.0000", 10, 20)
                    .withTerms(new ClockTerms.ClockListing(Price.of("1.25"), 60_000));
            client.listAuction(clock, "t-1");
            client.placeBid(7, "1.2500", new ClockTerms.ClockBid(3), "t-2");

            List<String> sent = server.received().stream()
                    .map(r -> r.method() + " " + r.rawPath() + " " + new String(r.body(), StandardCharsets.UTF_8)).toList();
            assertEquals(List.of(
                    "POST /auctions {\"fundCode\":\"DGF3\",\"mechanism\":\"ENGLISH\",\"units\":\"1000.00\","
                            + "\"startingPrice\":\"1.0000\",\"startsAt\":10,\"endsAt\":20,"
                            + "\"terms\":{\"type\":\"ClockListing\",\"increment\":\"1.2500\",\"roundMs\":60000}}",
                    "POST /listings/7/bids {\"price\":\"1.2500\",\"terms\":{\"type\":\"ClockBid\",\"round\":3}}"), sent);
            server.received().forEach(request -> assertTrue(verifiesAsTheGatewayWould(request, pair)));
            assertEquals(clock.terms(), clock.withReserve("1.1000").withMinIncrement("0.0100").withStep(1)
                    .withExtensions(1, 2).atSecondPrice().terms(), "every wither keeps the terms");
            assertThrows(NullPointerException.class, () -> client.placeBid(7, "1.2500", null, "t-3"));
            assertEquals(2, server.received().size(), "a bid without its terms is not sent");
        }
    }

    @Test
    void sealedBidsCarryAFreshRandomNonceInABodyWhoseLengthIsTheSameWhateverThePrice() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        try (RecordingServer server = new RecordingServer(200, "{}")) {
            ExchangeClient client = client(server, SignatureAlgorithm.ED25519, pair);
            client.placeSealedBid(8, "1.2000", "s-1");
            client.placeSealedBid(8, "922337203685477.5807", "s-2");
            client.amendSealedBid(9, "0.0001", "s-3");
            List<String> bodies = server.received().stream().map(r -> new String(r.body(), StandardCharsets.UTF_8)).toList();
            java.util.regex.Pattern shape = java.util.regex.Pattern.compile(
                    "\\{\"nonce\":\"([0-9a-f]{64})\",\"price\":\"[0-9.]+\"} *");
            assertEquals(List.of(true, true, true), bodies.stream().map(b -> shape.matcher(b).matches()).toList(), bodies.toString());
            assertEquals(List.of(SealedBidBody.LENGTH, SealedBidBody.LENGTH, SealedBidBody.LENGTH),
                    bodies.stream().map(String::length).toList());
            assertEquals(3, bodies.stream().map(b -> b.substring(10, 74)).distinct().count(), "a fresh nonce every time");
            server.received().forEach(request -> assertTrue(verifiesAsTheGatewayWould(request, pair)));
        }
    }

    @Test
    void refusesAKeyOfAnotherAlgorithm() {
        KeyPair ed25519 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        assertThrows(IllegalArgumentException.class, () -> new ExchangeClient(
                URI.create("http://localhost"), "P", "P-k1", SignatureAlgorithm.SM2_SM3,
                ed25519.getPrivate(), CLOCK));
    }

    @Test
    void signedHeadersCarryStandardBase64OfTheSignature() {
        CanonicalRequest request = CanonicalRequest.of(PLATFORM, "GET", "/", "", "P", "K", SignatureAlgorithm.ED25519, 12,
                "n", new byte[0]);
        byte[] signature = {(byte) 0xfb, (byte) 0xff, 0x00};
        assertEquals(List.of("X-Participant", "X-Key-Id", "X-Algorithm", "X-Timestamp", "X-Client-Request-Id",
                "X-Signature"), List.copyOf(SignedHeaders.of(request, signature).keySet()));
        assertEquals("+/8A", SignedHeaders.of(request, signature).get(SignedHeaders.SIGNATURE));
        assertEquals("12", SignedHeaders.of(request, signature).get(SignedHeaders.TIMESTAMP));
    }

    @Test
    void learnsThePlatformIdFromTheUnsignedExchangeReadOnceAndSignsForIt() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        try (RecordingServer server = new RecordingServer(200, "{\"platformId\":\"fx-learnt.example\"}")) {
            ExchangeClient client = new ExchangeClient(server.baseUri(), "Holder-01", "Holder-01-k1",
                    SignatureAlgorithm.ED25519, pair.getPrivate(), CLOCK);
            client.get("/feed");
            client.post("/listings", "{}", "req-1");

            List<RecordingServer.Received> requests = server.received();
            assertEquals(List.of("GET /exchange", "GET /feed", "POST /listings"),
                    requests.stream().map(r -> r.method() + " " + r.rawPath()).toList());
            assertNull(requests.get(0).header(SignedHeaders.SIGNATURE), "the platform id is read unsigned");
            assertTrue(verifiesForPlatform("fx-learnt.example", requests.get(1), pair));
            assertTrue(verifiesForPlatform("fx-learnt.example", requests.get(2), pair));
            assertFalse(verifiesForPlatform(PLATFORM, requests.get(2), pair), "bound to the learnt platform only");
            assertEquals("fx-learnt.example", client.platformId());
        }
    }

    @Test
    void refusesToSignWhenTheExchangeNamesNoValidPlatformId() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        try (RecordingServer server = new RecordingServer(200, "{\"platformId\":\"Not Valid\"}")) {
            ExchangeClient client = new ExchangeClient(server.baseUri(), "Holder-01", "Holder-01-k1",
                    SignatureAlgorithm.ED25519, pair.getPrivate(), CLOCK);
            assertThrows(java.io.IOException.class, () -> client.get("/feed"));
            assertEquals(List.of("GET /exchange"),
                    server.received().stream().map(r -> r.method() + " " + r.rawPath()).toList());
        }
        assertThrows(IllegalArgumentException.class, () -> new ExchangeClient(URI.create("http://localhost"), "P",
                "P-k1", SignatureAlgorithm.ED25519, pair.getPrivate(), CLOCK).pinnedTo("-bad-"));
    }

    @Test
    void signsAgainOnceWhenTheGatewayAnswersSignedBeforeStart() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        String beforeStart = "{\"code\":150,\"message\":\"X-Timestamp is before this gateway started\",\"requestId\":\"n-1\"}";
        try (RecordingServer server = new RecordingServer(List.of(
                new RecordingServer.Answer(401, beforeStart), new RecordingServer.Answer(200, "{}")))) {
            AtomicLong now = new AtomicLong(NOW);
            ExchangeClient client = new ExchangeClient(server.baseUri(), "Holder-01", "Holder-01-k1",
                    SignatureAlgorithm.ED25519, pair.getPrivate(), ticking(now)).pinnedTo(PLATFORM);

            assertEquals(new ClientResponse(200, "{}"), client.send("GET", "/feed", new byte[0], "n-1"));
            List<RecordingServer.Received> requests = server.received();
            assertEquals(2, requests.size());
            assertEquals(List.of(Long.toString(NOW), Long.toString(NOW + 1)), requests.stream()
                    .map(r -> r.header(SignedHeaders.TIMESTAMP)).toList(), "signed again with a fresh timestamp");
            assertEquals(List.of("n-1", "n-1"), requests.stream()
                    .map(r -> r.header(SignedHeaders.CLIENT_REQUEST_ID)).toList());
            requests.forEach(request -> assertTrue(verifiesAsTheGatewayWould(request, pair)));
        }
    }

    @Test
    void signsAgainOnlyOnceWhenTheGatewayKeepsAnsweringSignedBeforeStart() throws Exception {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        String beforeStart = "{\"code\":150,\"message\":\"X-Timestamp is before this gateway started\",\"requestId\":\"n-1\"}";
        try (RecordingServer server = new RecordingServer(401, beforeStart)) {
            ExchangeClient client = client(server, SignatureAlgorithm.ED25519, pair);
            assertEquals(new ClientResponse(401, beforeStart), client.get("/feed"));
            assertEquals(2, server.received().size());
        }
    }

    /** A clock that moves one millisecond each time it is read. */
    private static Clock ticking(AtomicLong now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.getAndIncrement());
            }

            @Override
            public long millis() {
                return now.getAndIncrement();
            }
        };
    }
}
