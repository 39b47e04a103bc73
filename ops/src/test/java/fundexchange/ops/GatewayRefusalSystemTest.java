package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fundexchange.engine.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Requests the gateway must refuse, each with the one error shape, and nothing accepted is harmed. */
class GatewayRefusalSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;

    private static final Clock CLOCK = Clock.systemUTC();
    private static final KeyPair STAFF_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair STAFF_2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair REGULATOR = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
    private static ExchangeNode node;

    @BeforeAll
    static void exchange() {
        GenesisWriter.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, STAFF_2.getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, REGULATOR.getPublic())), CLOCK);
        node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), CLOCK);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Participant as(String id, KeyPair keys, Clock clock) {
        return new Participant(URI.create("http://localhost:" + node.port()), id, id + "-k1", keys, clock, "ref");
    }

    private static void refused(Participant.Reply reply, int status, int code) {
        assertEquals(status, reply.status(), reply.body().toString());
        assertEquals(code, reply.body().path("code").asInt(), reply.body().toString());
        assertFalse(reply.body().path("message").asText().isEmpty());
        assertFalse(reply.body().path("requestId").isMissingNode());
        assertFalse(reply.body().toString().contains("Exception"), "no stack traces: " + reply.body());
    }

    @Test
    void refusesBadSignatureUnknownKeyAndStaleTimestamp() {
        String body = "{\"participantId\":\"Investor-01\",\"name\":\"Demo Investor One\",\"participantType\":\"INSTITUTION\",\"roles\":[\"INVESTOR\"]}";
        refused(as("Staff-01", STAFF_2, CLOCK).post("/participants", body), 401, 102);
        refused(as("Staff-03", STAFF_1, CLOCK).post("/participants", body), 401, 103);
        refused(as("Staff-01", STAFF_1, Clock.offset(CLOCK, Duration.ofMinutes(-10))).post("/participants", body), 401, 105);
        refused(as("Staff-01", STAFF_1, Clock.offset(CLOCK, Duration.ofMinutes(10))).get("/feed"), 401, 105);
    }

    @Test
    void refusesReplayedReadNonceMalformedJsonOversizedBodiesAndWrongRoles() {
        Participant staff = as("Staff-01", STAFF_1, CLOCK);
        staff.send("GET", "/feed", new byte[0], "nonce-1").ok();
        refused(staff.send("GET", "/feed", new byte[0], "nonce-1"), 401, 113);
        refused(staff.post("/participants", "{\"participantId\":"), 400, 109);
        refused(staff.post("/participants", "{\"participantId\":\"X-1\",\"unknownField\":1}"), 400, 109);
        refused(staff.post("/deposits", "{\"fundCode\":\"F\",\"holder\":\"H\",\"units\":\"1.001\",\"cost\":\"1\"}"), 400, 109);
        byte[] huge = ("{\"name\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        refused(staff.send("POST", "/participants", huge, "huge-1"), 413, 108);
        refused(as("Regulator-01", REGULATOR, CLOCK).post("/funds", "{}"), 403, 106);
        refused(staff.post("/trades/999/settle", "{}"), 409, 4007);
        refused(staff.post("/listings/abc/approve", "{}"), 400, 109);
        refused(staff.get("/no-such-endpoint"), 404, 107);
        refused(staff.post("/participants", "{}", "x".repeat(129)), 400, 109);
    }
}
