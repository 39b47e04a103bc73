package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.ClientResponse;
import fundexchange.client.SignedHeaders;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.chronicle.Journals;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import fundexchange.testsupport.FreshDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures bound to one deployment and reads that a restart cannot make replayable (docs/api-signing.md): a
 * request signed for another platform id, or under FXS1, is refused and journals nothing; a read captured before a
 * gateway restart is refused after it (code 150), while a write resent after it gets its original answer. The node's
 * clock is moved by hand, so "before the restart" is a fact of the test, not a race.
 */
class AudienceSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;

    private static final String PLATFORM = "fx-platform-b";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ManualClock CLOCK = new ManualClock(1_795_000_000_000L);
    private static final KeyPair STAFF_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair STAFF_2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair REGULATOR = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
    private static ExchangeNode node;

    @BeforeAll
    static void exchange() {
        assertEquals(PLATFORM, GenesisWriter.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, STAFF_2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, REGULATOR.getPublic())), CLOCK,
                SignatureAlgorithm.ED25519, PLATFORM));
        node = start();
    }

    private static ExchangeNode start() {
        return ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), CLOCK);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Participant staff() {
        return new Participant(URI.create("http://localhost:" + node.port()), "Staff-01", "Staff-01-k1", STAFF_1, CLOCK,
                "audience");
    }

    private static void refused(Participant.Reply reply, int code, String messagePart) {
        assertEquals(401, reply.status(), reply.body().toString());
        assertEquals(code, reply.body().path("code").asInt(), reply.body().toString());
        assertTrue(reply.body().path("message").asText().contains(messagePart), reply.body().toString());
        assertEquals(List.of("code", "message", "requestId"), List.copyOf(iterable(reply.body().fieldNames())));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void theExchangePublishesItsPlatformIdUnsignedBesideItsKeys() throws Exception {
        Genesis genesis;
        try (Journals.TypedReader<CommandRecord> reader = node.journals().commandReader()) {
            genesis = (Genesis) reader.next().orElseThrow().value().command();
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + node.port() + "/exchange")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(JSON.readTree("""
                {"platformId":"fx-platform-b","signingScheme":"FXS2","exchangeKeys":[
                  {"algorithm":"ED25519","keyId":"exchange-k1","publicKey":"%s","registeredAtIndex":1}],
                 "serverTime":%d,"zone":"Asia/Shanghai"}"""
                .formatted(genesis.exchangePublicKey(), CLOCK.millis())), JSON.readTree(response.body()),
                "the gateway's clock (the test's) and the platform zone beside the keys");
        assertEquals(PLATFORM, genesis.platformId());
        assertEquals(PLATFORM, staff().client().platformId(), "the client learns it there");
    }

    @Test
    void aRequestSignedForAnotherPlatformIsRefusedAndJournalsNothing() throws Exception {
        long before = node.journalIndex();
        byte[] body = """
                {"participantId":"Investor-09","name":"Demo Investor Nine","participantType":"INSTITUTION","roles":["INVESTOR"]}"""
                .getBytes(StandardCharsets.UTF_8);
        Captured write = Captured.sign(CanonicalRequest.of("fx-platform-a", "POST", "/participants", null, "Staff-01",
                "Staff-01-k1", SignatureAlgorithm.ED25519, CLOCK.millis(), "other-platform-write", body), STAFF_1, body);
        Captured read = Captured.sign(CanonicalRequest.of("fx-platform-a", "GET", "/feed", null, "Staff-01",
                "Staff-01-k1", SignatureAlgorithm.ED25519, CLOCK.millis(), "other-platform-read", new byte[0]), STAFF_1,
                new byte[0]);

        refused(write.sendTo(node.port()), 102, "of platform " + PLATFORM);
        refused(read.sendTo(node.port()), 102, "of platform " + PLATFORM);
        assertEquals(before, node.journalIndex(), "nothing was journaled");
        Captured.sign(CanonicalRequest.of(PLATFORM, "GET", "/feed", null, "Staff-01", "Staff-01-k1",
                SignatureAlgorithm.ED25519, CLOCK.millis(), "this-platform-read", new byte[0]), STAFF_1, new byte[0])
                .sendTo(node.port()).ok();
    }

    @Test
    void anFxs1SignatureIsRefusedAsNotVerifyingOverFxs2AndJournalsNothing() throws Exception {
        long before = node.journalIndex();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Captured write = Captured.sign(CanonicalRequest.ofFxs1("POST", "/funds", null, "Staff-01", "Staff-01-k1",
                SignatureAlgorithm.ED25519, CLOCK.millis(), "fxs1-write", body), STAFF_1, body);
        Captured read = Captured.sign(CanonicalRequest.ofFxs1("GET", "/feed", "after=0", "Staff-01", "Staff-01-k1",
                SignatureAlgorithm.ED25519, CLOCK.millis(), "fxs1-read", new byte[0]), STAFF_1, new byte[0]);

        // One verification per request (docs/api-signing.md): FXS1 is not tried as well, the message says what to do.
        refused(write.sendTo(node.port()), 102, "canonical string of platform " + PLATFORM + " (an FXS1 signature");
        refused(read.sendTo(node.port()), 102, "canonical string of platform " + PLATFORM + " (an FXS1 signature");
        assertEquals(before, node.journalIndex(), "nothing was journaled");
    }

    @Test
    void aReadCapturedBeforeARestartIsRefusedAfterItWhileAResentWriteGetsItsOriginalAnswer() throws Exception {
        Captured read = Captured.sign(CanonicalRequest.of(PLATFORM, "GET", "/feed", null, "Staff-01", "Staff-01-k1",
                SignatureAlgorithm.ED25519, CLOCK.millis(), "captured-read", new byte[0]), STAFF_1, new byte[0]);
        byte[] body = """
                {"participantId":"Investor-08","name":"Demo Investor Eight","participantType":"INSTITUTION","roles":["INVESTOR"]}"""
                .getBytes(StandardCharsets.UTF_8);
        Captured write = Captured.sign(CanonicalRequest.of(PLATFORM, "POST", "/participants", null, "Staff-01",
                "Staff-01-k1", SignatureAlgorithm.ED25519, CLOCK.millis(), "captured-write", body), STAFF_1, body);
        read.sendTo(node.port()).ok();
        refused(read.sendTo(node.port()), 113, "already used");
        long written = write.sendTo(node.port()).ok().sourceIndex();

        node.close();
        CLOCK.advance(1_000);
        node = start();

        refused(read.sendTo(node.port()), 150, "sign the request again");
        Participant.Reply resent = write.sendTo(node.port()).ok();
        assertEquals(written, resent.sourceIndex(), "the original answer, no second effect");
        assertEquals("ACCEPTED", resent.body().path("outcome").path("status").asText(), resent.body().toString());
        staff().send("GET", "/feed", new byte[0], "captured-read").ok();
    }

    @Test
    void anOperationAnsweredWithoutACommandIsSingleUseLikeARead() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Captured acknowledge = Captured.sign(CanonicalRequest.of(PLATFORM, "POST", "/ops/clock/acknowledge", null,
                "Staff-01", "Staff-01-k1", SignatureAlgorithm.ED25519, CLOCK.millis(), "captured-acknowledge", body),
                STAFF_1, body);
        acknowledge.sendTo(node.port()).ok();
        refused(acknowledge.sendTo(node.port()), 113, "already used");
    }

    /** A signed request exactly as it went over the wire, which an attacker could send again to any port. */
    private record Captured(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        /** {@code canonical} signed with {@code keys}; {@code body} is the body it digests. */
        static Captured sign(CanonicalRequest canonical, KeyPair keys, byte[] body) {
            if (!CanonicalRequest.sha256Hex(body).equals(canonical.bodyDigestHex())) {
                throw new IllegalArgumentException("the body is not the one the canonical request digests");
            }
            byte[] signature = Signatures.sign(canonical.algorithm(), keys.getPrivate(), canonical.bytes());
            String pathAndQuery = canonical.path() + (canonical.query().isEmpty() ? "" : "?" + canonical.query());
            return new Captured(canonical.method(), pathAndQuery, SignedHeaders.of(canonical, signature), body);
        }

        Participant.Reply sendTo(int port) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            if (body.length > 0) {
                request.header("Content-Type", SignedHeaders.JSON);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Participant.Reply.of(new ClientResponse(response.statusCode(), response.body()));
        }
    }
}
