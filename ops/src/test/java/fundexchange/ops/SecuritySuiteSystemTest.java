package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.Gateway;
import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.GatewayServices;
import fundexchange.registry.RegistryDatabase;
import fundexchange.registry.read.RegistryReads;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security suite (issue 13, findings 5 and 6): bad input of every class, through the real gateway as
 * {@code exchange serve} starts it, each refused with its status and code in the one error shape
 * {@code {code, message, requestId}}; afterwards the exchange still trades.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuritySuiteSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String FUND = NegotiatedTransferScript.FUND;
    private static final KeyPair STAFF_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair STAFF_2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair REGULATOR = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
    private static final KeyPair HOLDER = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair INVESTOR = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static ExchangeNode node;
    private static URI base;
    private static String platformId;
    private static RawHttp raw;
    private static Participant staff;
    private static Participant holder;
    private static Participant investor;
    private static NegotiatedTransferScript script;

    @BeforeAll
    static void exchange() {
        platformId = TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, STAFF_2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, REGULATOR.getPublic())), CLOCK);
        node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), CLOCK);
        base = URI.create("http://localhost:" + node.port());
        raw = new RawHttp(node.port());
        staff = new Participant(base, "Staff-01", "Staff-01-k1", STAFF_1, CLOCK, "suite");
        script = new NegotiatedTransferScript(staff, new Participant(base, "Staff-02", "Staff-02-k1", STAFF_2, CLOCK, "suite"), CLOCK);
        script.onboard("Holder-01", "Demo LP Holder 1", "HOLDER", HOLDER);
        script.onboard("Investor-01", "Demo Investor One", "INVESTOR", INVESTOR);
        script.registerFundWithHolding("Holder-01");
        holder = new Participant(base, "Holder-01", "Holder-01-k1", HOLDER, CLOCK, "suite");
        investor = new Participant(base, "Investor-01", "Investor-01-k1", INVESTOR, CLOCK, "suite");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** One bad-input class: what is sent, and the status and code it must get. */
    private record BadInput(String name, int status, int code, Supplier<Answer> send) {
    }

    /** An answer of either sender: status, JSON body, and the Allow header if any. */
    private record Answer(int status, JsonNode body, String allow) {
    }

    @TestFactory
    @Order(1)
    List<DynamicTest> everyBadInputIsRefusedInTheErrorShape() {
        List<BadInput> cases = new ArrayList<>();
        bodies(cases);
        headers(cases);
        queries(cases);
        methodsAndPaths(cases);
        serverLevel(cases);
        assertTrue(cases.size() >= 30, "at least 30 bad-input classes, got " + cases.size());
        return cases.stream().map(bad -> DynamicTest.dynamicTest(bad.name(), () -> {
            Answer answer = bad.send().get();
            refused(answer, bad.status(), bad.code());
        })).toList();
    }

    @Test
    @Order(2)
    void aMissingFieldIsNamedAndNeverReachesTheEngine() {
        Answer answer = reply(holder.post("/listings", "{\"buyer\":\"Investor-01\",\"units\":\"100.00\",\"price\":\"1.0000\"}"));
        refused(answer, 400, 120);
        assertEquals("field 'fundCode' is required", answer.body().path("message").asText());
    }

    @Test
    @Order(3)
    void aWrongMethodOnAKnownPathIs405WithAllow() {
        Answer put = send(signed(holder(), c -> c.send("PUT", "/listings", "{}".getBytes(StandardCharsets.UTF_8), "put-1")));
        refused(put, 405, 124);
        assertEquals("GET, POST", put.allow());
        Answer delete = send(signed(holder(), c -> c.send("DELETE", "/feed", new byte[0], "delete-1")));
        refused(delete, 405, 124);
        assertEquals("GET", delete.allow());
    }

    @Test
    @Order(4)
    void anUnreachableRegistryIs503WithItsCodeNot500() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        GatewayServices live = node.services();
        GatewayServices cut = new GatewayServices(live.sequencer(), live.view(), new RegistryReads(RegistryDatabase.dataSource(
                "jdbc:postgresql://127.0.0.1:" + deadPort + "/registry?connectTimeout=5", "nobody", "nothing")),
                live.engine(), live.checkpointer(), live.auditRecords(), live.projector(), live.auditTailer(),
                live.dataRoom());
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0);
        Gateway.configure(builder, GatewayConfig.DEFAULTS, CLOCK, cut);
        WebServer server = builder.build().start();
        try {
            Participant cutOff = new Participant(URI.create("http://localhost:" + server.port()), "Staff-01", "Staff-01-k1",
                    STAFF_1, CLOCK, "cut");
            refused(reply(cutOff.get("/funds")), 503, 125);
            refused(reply(cutOff.get("/participants/Holder-01")), 503, 125);
        } finally {
            server.stop();
        }
    }

    /**
     * The signature covers the canonical query (docs/api-signing.md), the handlers read Helidon's decoded one: every
     * raw form the two could read differently is refused before the signature is checked, naming the parameter.
     */
    @Test
    @Order(5)
    void aQueryTheSignatureAndTheHandlersCouldReadDifferentlyIsRefusedNamingTheParameter() {
        java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
        named.put("/feed?after=1+0", "after has a literal '+'");
        named.put("/feed?limit&limit=5", "limit must be given as limit=value");
        named.put("/feed?limit=5&limit", "limit must be given as limit=value");
        named.put("/feed?after=0%26limit%3D1000", "after has the escape %26");
        named.put("/feed?after=%2530", "after has the escape %25");
        named.put("/feed?after=0%3Blimit=5", "after has the escape %3B");
        named.put("/feed?after=%C3%28", "after does not decode to UTF-8");
        named.put("/feed?after=%0A", "after has the escape %0A");
        named.put("/feed?li%6Dit=5&limit=1000", "query parameter name 'li%6Dit'");
        named.put("/feed?limit=5&&after=0", "the query has an empty parameter");
        named.put("/feed?limit=5&", "the query has an empty parameter");
        for (java.util.Map.Entry<String, String> query : named.entrySet()) {
            Answer answer = reply(holder.get(query.getKey()));
            refused(answer, 400, 109);
            assertTrue(answer.body().path("message").asText().startsWith(query.getValue()),
                    query.getKey() + ": " + answer.body());
        }
        Answer write = reply(holder.post("/listings?note=a+b", "{}"));
        refused(write, 400, 109);
        assertTrue(write.body().path("message").asText().startsWith("note has a literal '+'"), write.body().toString());
        Answer repeated = reply(holder.get("/feed?limit=5&limit=1000"));
        refused(repeated, 400, 123);
        assertEquals(200, holder.get("/feed?after=0&limit=5").status(), "name=value pairs of unreserved characters");
        Participant regulator = new Participant(base, "Regulator-01", "Regulator-01-k1", REGULATOR, CLOCK, "suite");
        assertEquals(List.of(200, 200), List.of(
                        regulator.get("/audit/records?from=2026-01-01T00:00:00Z&limit=1").status(),
                        regulator.get("/audit/records?from=2026-01-01T00%3A00%3A00Z&limit=1").status()),
                "a ':' both parsers read alike, literal or escaped");
    }

    @Test
    @Order(5)
    void aHeadRequestIsAnsweredWithoutABodySoAKeptAliveConnectionStaysInStep() {
        RawHttp.Answer head = raw.send("HEAD /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(404, head.status());
        assertTrue(head.body().isNull(), "no body after a HEAD: " + head.body());
    }

    @Test
    @Order(6)
    void afterEveryRefusalTheExchangeStillTrades() {
        assertEquals("1000000.00", holder.get("/holdings").ok().body().path("holdings").get(0).path("units").asText(),
                "no refusal moved a unit");
        NegotiatedTransferScript.Result transfer = script.transfer(holder, investor);
        assertTrue(transfer.tradeId() > 0, "a signed write still succeeds: the exchange trades");
    }

    // --- the classes -------------------------------------------------------------------------------------------

    private static void bodies(List<BadInput> cases) {
        String units = "{\"fundCode\":\"" + FUND + "\",\"buyer\":\"Investor-01\",\"units\":%s,\"price\":\"1.0000\"}";
        for (String amount : List.of("\"1e3\"", "\" 10.00\"", "\"+10.00\"", "\"10.\"", "\".50\"", "10.00", "100",
                "\"010.00\"", "\"-1.00\"", "\"1.001\"", "\"99999999999999999999.00\"", "\"0x10\"", "\"10,00\"",
                "\"\"", "null", "[\"10.00\"]")) {
            cases.add(body("amount " + amount, holder, "/listings", units.formatted(amount)));
        }
        cases.add(body("duplicate JSON key (last would win)", holder, "/listings",
                "{\"fundCode\":\"" + FUND + "\",\"buyer\":\"Investor-01\",\"units\":\"100.00\",\"units\":\"1.00\",\"price\":\"1.0000\"}"));
        cases.add(body("fundCode as a JSON number", holder, "/listings",
                "{\"fundCode\":123,\"buyer\":\"Investor-01\",\"units\":\"100.00\",\"price\":\"1.0000\"}"));
        cases.add(body("required field missing", holder, "/listings",
                "{\"buyer\":\"Investor-01\",\"units\":\"100.00\",\"price\":\"1.0000\"}"));
        cases.add(body("unknown field", holder, "/listings",
                "{\"fundCode\":\"" + FUND + "\",\"buyer\":\"Investor-01\",\"units\":\"100.00\",\"price\":\"1.0000\",\"note\":\"x\"}"));
        cases.add(body("whole number as a string", holder, "/listings",
                "{\"fundCode\":\"" + FUND + "\",\"buyer\":\"Investor-01\",\"units\":\"100.00\",\"price\":\"1.0000\",\"expiresAt\":\"0\"}"));
        cases.add(body("null for a whole number", holder, "/listings",
                "{\"fundCode\":\"" + FUND + "\",\"buyer\":\"Investor-01\",\"units\":\"100.00\",\"price\":\"1.0000\",\"expiresAt\":null}"));
        cases.add(body("fraction for a whole number", holder, "/listings",
                "{\"fundCode\":\"" + FUND + "\",\"buyer\":\"Investor-01\",\"units\":\"100.00\",\"price\":\"1.0000\",\"expiresAt\":1.5}"));
        cases.add(body("whole number beyond a long", holder, "/listings",
                "{\"fundCode\":\"" + FUND + "\",\"buyer\":\"Investor-01\",\"units\":\"100.00\",\"price\":\"1.0000\",\"expiresAt\":9223372036854775808}"));
        cases.add(body("field the path sets", investor, "/listings/1/accept", "{\"listingId\":2}"));
        String participant = "{\"participantId\":\"Investor-05\",\"name\":%s,\"participantType\":%s,\"roles\":[\"INVESTOR\"]}";
        cases.add(body("enum as a number", staff, "/participants", participant.formatted("\"Demo Five\"", "1")));
        cases.add(body("control character in a name", staff, "/participants", participant.formatted("\"Demo\\u0007Five\"", "\"INSTITUTION\"")));
        cases.add(body("bidi override in a name", staff, "/participants", participant.formatted("\"Demo \\u202Eevif\"", "\"INSTITUTION\"")));
        cases.add(body("name not NFC", staff, "/participants", participant.formatted("\"Demo Cafe\\u0301\"", "\"INSTITUTION\"")));
        cases.add(body("unpaired surrogate in a name", staff, "/participants", participant.formatted("\"Demo \\uD800\"", "\"INSTITUTION\"")));
        cases.add(body("null element in a list", staff, "/participants",
                "{\"participantId\":\"Investor-05\",\"name\":\"Demo\",\"participantType\":\"INSTITUTION\",\"roles\":[null]}"));
        cases.add(body("boolean as a string", staff, "/funds", """
                {"fundCode":"DGF9","shortName":"Demo Fund 9","manager":"Demo Capital","strategy":"GROWTH","vintage":2019,
                 "currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL","nav":"1.5000","navDate":"2026-09-30",
                 "rightOfFirstRefusal":"true"}"""));
        cases.add(body("nested action field missing", staff, "/proposals", "{\"action\":{\"type\":\"ApproveParticipant\"}}"));
        cases.add(body("nested action of no known type", staff, "/proposals", "{\"action\":{\"type\":\"MintUnits\"}}"));
        cases.add(new BadInput("body not an object", 400, 109, () -> reply(holder.post("/listings", "[]"))));
        cases.add(new BadInput("malformed JSON", 400, 109, () -> reply(holder.post("/listings", "{\"fundCode\":"))));
        cases.add(new BadInput("body over max-body-bytes", 413, 108, () -> reply(holder.send("POST", "/listings",
                ("{\"fundCode\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8), "huge-1"))));
    }

    private static void headers(List<BadInput> cases) {
        for (String name : List.of("X-Participant", "X-Key-Id", "X-Algorithm", "X-Timestamp", "X-Client-Request-Id",
                "X-Signature")) {
            cases.add(new BadInput("duplicate " + name, 400, 121, () -> {
                RawHttp.Request request = feedRequest();
                return send(request.plus(name, request.header(name)));
            }));
        }
        cases.add(new BadInput("second X-Participant naming another participant", 400, 121,
                () -> send(feedRequest().plus("X-Participant", "Staff-01"))));
        cases.add(malformed("X-Timestamp with '+'", "X-Timestamp", ts -> "+" + ts));
        cases.add(malformed("X-Timestamp with a leading zero", "X-Timestamp", ts -> "0" + ts));
        cases.add(malformed("X-Timestamp beyond a long", "X-Timestamp", ts -> "99999999999999999999"));
        cases.add(malformed("X-Timestamp with a fraction", "X-Timestamp", ts -> ts + ".0"));
        cases.add(malformed("Base64 without padding", "X-Signature", sig -> sig.replace("=", "")));
        cases.add(malformed("Base64 URL alphabet", "X-Signature", sig -> "-_" + sig.substring(2)));
        cases.add(malformed("Base64 with a space", "X-Signature", sig -> sig.substring(0, 8) + " " + sig.substring(8)));
        cases.add(malformed("Base64 with non-canonical trailing bits", "X-Signature", SecuritySuiteSystemTest::dirtyTail));
        cases.add(malformed("request id with '/'", "X-Client-Request-Id", id -> "a/b"));
        cases.add(malformed("request id with '?' and '#'", "X-Client-Request-Id", id -> "a?b#c"));
        cases.add(malformed("request id longer than 128", "X-Client-Request-Id", id -> "r".repeat(129)));
        cases.add(malformed("participant id with a space", "X-Participant", id -> "Holder 01"));
        cases.add(malformed("key id starting with '.'", "X-Key-Id", id -> ".Holder-01-k1"));
        cases.add(malformed("unknown X-Algorithm", "X-Algorithm", alg -> "RSA"));
    }

    private static void queries(List<BadInput> cases) {
        cases.add(new BadInput("repeated query parameter, signed and sent reordered", 400, 123,
                () -> send(signed(holder(), c -> c.get("/feed?limit=1&limit=1000")).target("/feed?limit=1000&limit=1"))));
        cases.add(new BadInput("repeated query parameter on a write", 400, 123,
                () -> reply(holder.post("/listings?x=1&x=2", "{}"))));
        cases.add(new BadInput("feed limit over the maximum", 400, 109, () -> reply(holder.get("/feed?limit=1001"))));
        cases.add(new BadInput("feed limit zero", 400, 109, () -> reply(holder.get("/feed?limit=0"))));
        cases.add(new BadInput("feed after negative", 400, 109, () -> reply(holder.get("/feed?after=-1"))));
        cases.add(new BadInput("valueless parameter beside a valued one", 400, 109,
                () -> reply(holder.get("/feed?limit&limit=5"))));
        cases.add(new BadInput("literal '+' in a query value", 400, 109, () -> reply(holder.get("/feed?after=1+0"))));
    }

    private static void methodsAndPaths(List<BadInput> cases) {
        cases.add(new BadInput("wrong method on a known path", 405, 124,
                () -> send(signed(holder(), c -> c.send("DELETE", "/holdings", new byte[0], "delete-2")))));
        cases.add(new BadInput("unknown path", 404, 107, () -> reply(holder.get("/no-such-endpoint"))));
        cases.add(new BadInput("a path parameter outside the id set (NUL)", 400, 109, () -> reply(holder.get("/funds/a%00b"))));
        cases.add(new BadInput("a path parameter outside the id set (space)", 400, 109,
                () -> reply(holder.post("/listings/1%202/accept", "{}"))));
        cases.add(new BadInput("a read signed more than 5 s ahead of the exchange clock", 401, 105,
                () -> send(RawHttp.signed(base, platformId, "Holder-01", holder().keys(),
                        Clock.offset(CLOCK, java.time.Duration.ofSeconds(6)), c -> c.get("/feed")))));
        cases.add(new BadInput("unknown path, unsigned", 404, 107,
                () -> answer(raw.send("GET /nowhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1)))));
    }

    private static void serverLevel(List<BadInput> cases) {
        cases.add(new BadInput("malformed request line", 400, 109, () -> answer(raw.send(
                "GARBAGE\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))));
        cases.add(new BadInput("malformed header line", 400, 109, () -> answer(raw.send(
                "GET /feed HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1)))));
        cases.add(new BadInput("URI too long", 414, 126, () -> answer(raw.send(
                ("GET /feed?x=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1)))));
        cases.add(new BadInput("header block over the server's limit", 400, 109, () -> answer(raw.send(
                ("GET /feed HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(20_000) + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1)))));
        cases.add(new BadInput("HTTP/1.0 not supported", 505, 127, () -> answer(raw.send(
                "GET /feed HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))));
        cases.add(new BadInput("unknown HTTP version", 400, 109, () -> answer(raw.send(
                "GET /feed HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static BadInput body(String name, Participant who, String path, String json) {
        return new BadInput(name, 400, 120, () -> reply(who.post(path, json)));
    }

    private static BadInput malformed(String name, String header, java.util.function.UnaryOperator<String> change) {
        return new BadInput(name, 400, 122, () -> {
            RawHttp.Request request = feedRequest();
            return send(request.with(header, change.apply(request.header(header))));
        });
    }

    /** A valid signature with a last Base64 character whose unused bits are not zero: decodes alike, is not canonical. */
    private static String dirtyTail(String signature) {
        int padding = signature.endsWith("==") ? 2 : signature.endsWith("=") ? 1 : 0;
        assertTrue(padding > 0, "an Ed25519 signature (64 bytes) ends in padding");
        int last = signature.length() - padding - 1;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int value = alphabet.indexOf(signature.charAt(last));
        return signature.substring(0, last) + alphabet.charAt(value | 1) + signature.substring(last + 1);
    }

    private record Signer(String participant, KeyPair keys) {
    }

    private static Signer holder() {
        return new Signer("Holder-01", HOLDER);
    }

    private static RawHttp.Request signed(Signer signer, Participant.Call call) {
        return RawHttp.signed(base, platformId, signer.participant(), signer.keys(), CLOCK, call);
    }

    private static RawHttp.Request feedRequest() {
        return signed(holder(), c -> c.get("/feed"));
    }

    private static Answer send(RawHttp.Request request) {
        return answer(raw.send(request));
    }

    private static Answer answer(RawHttp.Answer answer) {
        String contentType = answer.headers().getOrDefault("content-type", "");
        assertTrue(contentType.startsWith("application/json"), "JSON, got " + contentType + ": " + answer.body());
        return new Answer(answer.status(), answer.body(), answer.headers().get("allow"));
    }

    private static Answer reply(Participant.Reply reply) {
        return new Answer(reply.status(), reply.body(), null);
    }

    /** The status and code, in exactly the fields {code, message, requestId}, with no Java leaking out. */
    private static void refused(Answer answer, int status, int code) {
        JsonNode body = answer.body();
        assertEquals(status, answer.status(), String.valueOf(body));
        Set<String> fields = new TreeSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("code", "message", "requestId"), fields, "the error shape: " + body);
        assertTrue(body.path("code").isInt(), body.toString());
        assertEquals(code, body.path("code").asInt(), body.toString());
        assertFalse(body.path("message").asText().isBlank(), body.toString());
        assertFalse(body.path("requestId").asText().isBlank(), body.toString());
        assertFalse(body.toString().contains("Exception") || body.toString().contains("fundexchange."),
                "no Java names: " + body);
    }
}
