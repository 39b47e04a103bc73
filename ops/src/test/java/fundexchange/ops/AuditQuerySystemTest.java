package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The regulator API over signed HTTP, after one negotiated transfer and a key rotation on a real exchange node. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditQuerySystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();

    private final Clock clock = Clock.systemUTC();
    private final KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
    private final KeyPair holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair investorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair investorNewKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private ExchangeNode node;
    private Participant regulator;
    private Participant holder;
    private long lastIndex;
    private long rotatedAt;
    private long revokedAt;

    @BeforeAll
    void exchangeAfterATransferAndAKeyRotation(@TempDir Path data) {
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulatorKeys.getPublic())), clock);
        node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), clock);
        Participant s1 = as("Staff-01", "Staff-01-k1", staff1);
        regulator = as("Regulator-01", "Regulator-01-k1", regulatorKeys);
        holder = as("Holder-01", "Holder-01-k1", holderKeys);
        Participant investor = as("Investor-07", "Investor-07-k1", investorKeys);
        NegotiatedTransferScript script = new NegotiatedTransferScript(s1, as("Staff-02", "Staff-02-k1", staff2), clock);
        script.onboard("Holder-01", "Demo LP Holder One", "HOLDER", holderKeys);
        script.onboard("Investor-07", "Demo S Fund Investor Seven", "INVESTOR", investorKeys);
        script.registerFundWithHolding("Holder-01");
        script.transfer(holder, investor);
        rotatedAt = investor.post("/keys", """
                {"newKeyId":"Investor-07-k2","algorithm":"ED25519","publicKey":"%s"}"""
                .formatted(Base64.getEncoder().encodeToString(KeyMaterial.spki(investorNewKeys.getPublic())))).ok().sourceIndex();
        revokedAt = s1.post("/keys/Investor-07-k1/revoke", "{}").ok().sourceIndex();
        lastIndex = revokedAt;  // the setup's last write; a Tick the sequencer appends later is outside the queries below
        assertTrue(node.audit().awaitIndex(lastIndex, Duration.ofSeconds(30)));
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private Participant as(String id, String keyId, KeyPair keys) {
        return new Participant(URI.create("http://localhost:" + node.port()), id, keyId, keys, clock, "audit");
    }

    private JsonNode records(String query) {
        return regulator.get("/audit/records?" + query).ok().body();
    }

    private static List<Long> indices(JsonNode page) {
        return StreamSupport.stream(page.path("records").spliterator(), false).map(r -> r.path("sourceIndex").asLong()).toList();
    }

    private static List<String> texts(JsonNode page, String field) {
        return StreamSupport.stream(page.path("records").spliterator(), false).map(r -> r.path(field).asText()).toList();
    }

    @Test
    void participantFilterReturnsTheSignersCommandsWithOutcomeDigestsAndLink() {
        JsonNode page = records("participant=Holder-01");
        assertEquals(1, page.path("total").asLong());
        JsonNode listing = page.path("records").path(0);
        assertEquals("ListNegotiated", listing.path("commandType").asText());
        assertEquals("DGF3", listing.path("fundCode").asText());
        assertEquals("ACCEPTED", listing.path("outcome").asText());
        assertEquals(0, listing.path("rejectCode").asInt());
        assertTrue(listing.path("clientRequestId").asText().startsWith("audit-Holder-01-"));
        for (String hex : List.of("commandDigest", "eventDigest", "link")) {
            assertTrue(listing.path(hex).asText().matches("[0-9a-f]{64}"), hex);
        }
        assertFalse(page.has("nextAfter"));
    }

    @Test
    void fundFilterReturnsEveryCommandNamingTheFundOrFiringItsEvents() {
        assertEquals(List.of("RegisterFund", "DepositUnits", "ListNegotiated", "AcceptListing", "ConfirmSettlement"),
                texts(records("fund=DGF3"), "commandType"));
    }

    @Test
    void indexRangeIsInclusiveAndStartsWithTheUnsignedGenesis() {
        JsonNode page = records("fromIndex=1&toIndex=3");
        assertEquals(List.of(1L, 2L, 3L), indices(page));
        JsonNode genesis = page.path("records").path(0);
        assertEquals("Genesis", genesis.path("commandType").asText());
        assertFalse(genesis.has("participant"), "unsigned commands have no signer");
    }

    @Test
    void timeRangeTakesIsoInstantsOrEpochMillisAndExcludesItsEnd() {
        JsonNode all = records("limit=1000&toIndex=" + lastIndex);
        assertEquals(lastIndex, all.path("total").asLong());
        long split = all.path("records").path((int) (lastIndex / 2)).path("time").asLong();
        List<Long> before = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        all.path("records").forEach(r -> (r.path("time").asLong() < split ? before : after).add(r.path("sourceIndex").asLong()));
        String iso = Instant.ofEpochMilli(split).toString();
        assertEquals(after, indices(records("limit=1000&toIndex=" + lastIndex + "&from=" + iso)));
        assertEquals(before, indices(records("limit=1000&toIndex=" + lastIndex + "&to=" + iso)));
        assertEquals(before, indices(records("limit=1000&toIndex=" + lastIndex + "&from=0&to=" + split)));
    }

    @Test
    void pagesFollowTheCursorWithTheExactTotalOnEachPage() {
        List<Long> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (true) {
            JsonNode page = records("limit=5&toIndex=" + lastIndex + cursor);
            assertEquals(lastIndex, page.path("total").asLong());
            seen.addAll(indices(page));
            pages++;
            if (!page.has("nextAfter")) {
                break;
            }
            cursor = "&after=" + page.path("nextAfter").asLong();
        }
        assertEquals(LongStream.rangeClosed(1, lastIndex).boxed().toList(), seen);
        assertEquals((lastIndex + 4) / 5, pages);
    }

    @Test
    void keysCarryTheirRegistrationAndRevocationIndices() {
        JsonNode keys = regulator.get("/audit/keys").ok().body();
        JsonNode exchange = keys.path("exchange").path(0);
        assertEquals(List.of(GenesisWriter.EXCHANGE_KEY_ID, "1"), List.of(exchange.path("keyId").asText(),
                exchange.path("registeredAtIndex").asText()));
        JsonNode oldKey = key(keys, "Investor-07-k1");
        assertEquals("Investor-07", oldKey.path("participantId").asText());
        assertEquals(revokedAt, oldKey.path("revokedAtIndex").asLong());
        JsonNode newKey = key(keys, "Investor-07-k2");
        assertEquals(rotatedAt, newKey.path("registeredAtIndex").asLong());
        assertFalse(newKey.has("revokedAtIndex"));
        assertEquals(Base64.getEncoder().encodeToString(KeyMaterial.spki(investorNewKeys.getPublic())),
                newKey.path("publicKey").asText());
        assertEquals(1, key(keys, "Staff-01-k1").path("registeredAtIndex").asLong());
    }

    private static JsonNode key(JsonNode keys, String keyId) {
        for (JsonNode key : keys.path("participants")) {
            if (key.path("keyId").asText().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError("no key " + keyId + " in " + keys);
    }

    @Test
    void holdersAreForbiddenAndMalformedParametersRefused() {
        Participant.Reply records = holder.get("/audit/records?participant=Holder-01");
        assertEquals(403, records.status());
        assertEquals(106, records.body().path("code").asInt());
        assertTrue(records.body().has("requestId"));
        assertEquals(403, holder.get("/audit/keys").status());
        for (String query : List.of("limit=0", "limit=1001", "from=yesterday", "fundCode=DGF3", "fromIndex=9&toIndex=2",
                "after=-1")) {
            Participant.Reply refused = regulator.get("/audit/records?" + query);
            assertEquals(400, refused.status(), query);
            assertEquals(109, refused.body().path("code").asInt(), query);
        }
        Participant.Reply repeated = regulator.get("/audit/records?participant=Holder-01&participant=Investor-07");
        assertEquals(400, repeated.status());
        assertEquals(123, repeated.body().path("code").asInt(), "a repeated parameter has its own code");
    }
}
