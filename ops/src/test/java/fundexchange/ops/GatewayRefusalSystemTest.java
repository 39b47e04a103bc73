package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.reference.Role;
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
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, STAFF_2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
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

    private static Participant as(String id, KeyPair keys, String requestPrefix) {
        return new Participant(URI.create("http://localhost:" + node.port()), id, id + "-k1", keys, CLOCK, requestPrefix);
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
        refused(as("Staff-09", STAFF_1, CLOCK).post("/participants", body), 401, 103);
        refused(as("Staff-01", STAFF_1, Clock.offset(CLOCK, Duration.ofMinutes(-10))).post("/participants", body), 401, 105);
        refused(as("Staff-01", STAFF_1, Clock.offset(CLOCK, Duration.ofMinutes(10))).get("/feed"), 401, 105);
    }

    /** Finding 4 of issue 13: {@code X-Timestamp = now + Long.MIN_VALUE} passed a {@code Math.abs} window check. */
    @Test
    void refusesTimestampsWhoseDistanceOverflowsALong() {
        String body = "{\"participantId\":\"Investor-09\",\"name\":\"Demo Investor Nine\",\"participantType\":\"INSTITUTION\",\"roles\":[\"INVESTOR\"]}";
        for (long offset : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
            long timestamp = CLOCK.millis() + offset;
            refusedTimestamp(as("Staff-01", STAFF_1, wrappedBy(offset)).post("/participants", body), timestamp);
            refusedTimestamp(as("Staff-01", STAFF_1, wrappedBy(offset)).get("/feed"), timestamp);
        }
        refusedTimestamp(as("Staff-01", STAFF_1, fixed(Long.MIN_VALUE)).post("/participants", body), Long.MIN_VALUE);
        refusedTimestamp(as("Staff-01", STAFF_1, fixed(Long.MAX_VALUE)).post("/participants", body), Long.MAX_VALUE);
        assertEquals(200, as("Staff-01", STAFF_1, CLOCK).post("/participants", body).status(), "the exchange still accepts");
    }

    /** A negative X-Timestamp is outside the header's grammar (400, 122); any other far one outside the window (401, 105). */
    private static void refusedTimestamp(Participant.Reply reply, long timestamp) {
        if (timestamp < 0) {
            refused(reply, 400, 122);
        } else {
            refused(reply, 401, 105);
        }
    }

    /** A clock whose millis are the real ones plus {@code offset}, wrapping as a careless client's arithmetic would. */
    private static Clock wrappedBy(long offset) {
        return new MillisClock(() -> CLOCK.millis() + offset);
    }

    private static Clock fixed(long millis) {
        return new MillisClock(() -> millis);
    }

    private static final class MillisClock extends Clock {
        private final java.util.function.LongSupplier millis;

        MillisClock(java.util.function.LongSupplier millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis.getAsLong();
        }

        @Override
        public java.time.Instant instant() {
            return CLOCK.instant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return CLOCK.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void refusesReplayedReadNonceMalformedJsonOversizedBodiesAndWrongRoles() {
        Participant staff = as("Staff-01", STAFF_1, CLOCK);
        staff.send("GET", "/feed", new byte[0], "nonce-1").ok();
        refused(staff.send("GET", "/feed", new byte[0], "nonce-1"), 401, 113);
        refused(staff.post("/participants", "{\"participantId\":"), 400, 109);
        refused(staff.post("/participants", "{\"participantId\":\"X-1\",\"unknownField\":1}"), 400, 120);
        refused(staff.post("/deposits", "{\"fundCode\":\"F\",\"holder\":\"H\",\"units\":\"1.001\",\"cost\":\"1\"}"), 400, 120);
        byte[] huge = ("{\"name\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        refused(staff.send("POST", "/participants", huge, "huge-1"), 413, 108);
        refused(as("Regulator-01", REGULATOR, CLOCK).post("/funds", "{}"), 403, 106);
        refused(staff.post("/trades/999/settle", "{}"), 409, 4007);
        refused(staff.post("/listings/abc/approve", "{}"), 400, 109);
        refused(staff.get("/no-such-endpoint"), 404, 107);
        refused(staff.post("/participants", "{}", "x".repeat(129)), 400, 122);
    }

    @Test
    void refusesRevokedKeysOtherInvestorsDataBadAmountsAndUnknownIdsWithoutHarmingAcceptedState() {
        Participant s1 = as("Staff-01", STAFF_1, "roles");
        NegotiatedTransferScript script = new NegotiatedTransferScript(s1, as("Staff-02", STAFF_2, "roles"), CLOCK);
        KeyPair holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair firstKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair secondKeys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        KeyPair revokedKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        script.onboard("Holder-01", "Demo LP Holder 1", "HOLDER", holderKeys);
        script.onboard("Investor-01", "Demo Investor One", "INVESTOR", firstKeys);
        script.onboard("Investor-02", "Demo Investor Two", "INVESTOR", secondKeys);
        script.onboard("Investor-03", "Demo Investor Three", "INVESTOR", revokedKeys);
        script.registerFundWithHolding("Holder-01");
        Participant holder = as("Holder-01", holderKeys, "roles");
        Participant first = as("Investor-01", firstKeys, "roles");
        Participant second = as("Investor-02", secondKeys, "roles");
        Participant revoked = as("Investor-03", revokedKeys, "roles");

        revoked.get("/feed").ok();
        refused(s1.post("/keys/Investor-03-k1/revoke", "{}"), 409, 1031);  // its last key: maker-checker only
        revoked.post("/keys/Investor-03-k1/revoke", "{}").ok();
        refused(revoked.get("/feed"), 401, 104);
        refused(revoked.post("/intents", "{}"), 401, 104);

        second.post("/listings", "{}", "second-own-request");
        refused(first.get("/participants/Investor-02"), 403, 106);
        refused(first.get("/participants/Investor-02/qualification"), 403, 106);
        refused(first.get("/pledges?holder=Investor-02"), 403, 106);
        refused(first.get("/freezes?holder=Investor-02"), 403, 106);
        refused(first.get("/requests/second-own-request"), 404, 107);
        refused(holder.get("/funds/" + NegotiatedTransferScript.FUND + "/register"), 403, 106);

        String listing = "{\"fundCode\":\"%s\",\"buyer\":\"Investor-01\",\"units\":\"%s\",\"price\":\"%s\"}";
        String fund = NegotiatedTransferScript.FUND;
        refused(holder.post("/listings", listing.formatted(fund, "-100.00", "1.0000")), 400, 120);
        refused(holder.post("/listings", listing.formatted(fund, "100.00", "-1.0000")), 400, 120);
        refused(holder.post("/listings", listing.formatted(fund, "0.00", "1.0000")), 409, 3004);
        refused(holder.post("/listings", listing.formatted(fund, "100.00", "0.0000")), 409, 3004);
        refused(holder.post("/listings", listing.formatted(fund, "99999999999999999999.00", "1.0000")), 400, 120);
        refused(holder.post("/listings", listing.formatted(fund, "100.00", "99999999999999999999.0000")), 400, 120);
        refused(holder.post("/listings", listing.formatted(fund, "1000000.00", "9999999999999.0000")), 409, 3002);

        refused(first.post("/listings/999999/accept", "{}"), 409, 4001);
        refused(s1.post("/trades/999999/settle", "{}"), 409, 4007);
        refused(s1.post("/custody/999999/approve", "{}"), 409, 3101);
        refused(s1.post("/pledges/999999/release", "{}"), 409, 3107);
        refused(holder.post("/pledges/999999/release", "{}"), 403, 106);
        refused(first.get("/listings/999999"), 404, 107);
        refused(s1.get("/participants/Nobody-01"), 404, 107);
        refused(s1.get("/funds/NO-SUCH-FUND"), 404, 107);

        assertEquals("1000000.00", holder.get("/holdings").ok().body().path("holdings").get(0).path("units").asText(),
                "no refusal moved a unit");
        NegotiatedTransferScript.Result transfer = script.transfer(holder, first);
        assertTrue(transfer.tradeId() > 0, "the exchange still trades after every refusal");
    }
}
