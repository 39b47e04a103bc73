package fundexchange.ops.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The signing agent over real HTTP on the loopback, its terminal scripted: it signs what it showed only on "y", and
 * answers nobody but the configured portal origin carrying the per-run token.
 */
@Timeout(60)
class SigningAgentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORTAL = "http://localhost:8080";
    private static final String PLATFORM = "fx-demo";
    private static final long NOW = 1_800_000_000_000L;
    private final KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private SigningAgent agent;

    /** Starts the agent with the terminal answering {@code answers}, one line each, each typed after its question. */
    private void start(String answers) {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        agent = SigningAgent.start(new SigningAgent.Identity("Holder-03", "Holder-03-k1", PLATFORM, PORTAL),
                keys.getPrivate(), 0, Confirmation.terminal(new Typed("", answers), out), out,
                Clock.fixed(Instant.ofEpochMilli(NOW - 250), java.time.ZoneId.of("Asia/Shanghai")));
    }

    /** The confirmation code of the POST or GET this test class asks the agent to sign. */
    private static String code(String method, String path, String query, String body, String clientRequestId) {
        return SigningAgent.confirmationCode(CanonicalRequest.of(PLATFORM, method, path, query.isEmpty() ? null : query,
                "Holder-03", "Holder-03-k1", SignatureAlgorithm.SM2_SM3, NOW, clientRequestId,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A terminal's input: {@code ahead} was typed before the question was shown (the only bytes available without
     * blocking, as a terminal reports them), {@code after} is typed once the question is read.
     */
    private static final class Typed extends java.io.ByteArrayInputStream {
        private final int ahead;

        Typed(String ahead, String after) {
            super((ahead + after).getBytes(StandardCharsets.UTF_8));
            this.ahead = ahead.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public synchronized int available() {
            return Math.max(0, ahead - pos);
        }
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void itShowsWhatItSignsAndSignsTheCanonicalStringItBuiltOnlyWhenTheSignerTypesItsCode() throws Exception {
        String body = "{\"fundCode\":\"DF03\",\"units\":\"100.00\",\"price\":\"1.0000\",\"note\":\"\\u001b[2J\"}";
        String code = code("POST", "/listings", "", body, "portal-1");
        start(code + "\ny\n");
        HttpResponse<String> signed = sign(PORTAL, agent.token(), "POST", "/listings", "", body, "portal-1");

        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals(PORTAL, signed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        JsonNode answer = JSON.readTree(signed.body());
        CanonicalRequest expected = CanonicalRequest.of(PLATFORM, "POST", "/listings", null, "Holder-03", "Holder-03-k1",
                SignatureAlgorithm.SM2_SM3, NOW, "portal-1", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(new String(expected.bytes(), StandardCharsets.UTF_8), answer.path("canonical").asText());
        Map<String, String> headers = new TreeMap<>();
        answer.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        assertEquals(List.of("X-Algorithm", "X-Client-Request-Id", "X-Key-Id", "X-Participant", "X-Signature", "X-Timestamp"),
                List.copyOf(headers.keySet()));
        assertEquals(List.of("SM2-SM3", "portal-1", "Holder-03-k1", "Holder-03", String.valueOf(NOW)),
                List.of(headers.get("X-Algorithm"), headers.get("X-Client-Request-Id"), headers.get("X-Key-Id"),
                        headers.get("X-Participant"), headers.get("X-Timestamp")));
        assertTrue(Signatures.verify(SignatureAlgorithm.SM2_SM3, KeyMaterial.spki(keys.getPublic()), expected.bytes(),
                Base64.getDecoder().decode(headers.get("X-Signature"))), "the signature verifies for the registered key");
        String shown = console.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("  POST /listings\n"), shown);
        assertTrue(shown.contains("(72 bytes, 4 fields / 个字段, SHA-256 " + expected.bodyDigestHex() + "):\n"
                + "    fundCode = \"DF03\"\n    units = \"100.00\"\n    price = \"1.0000\"\n    note = \"\\u001b[2J\"\n"), shown);
        assertTrue(shown.contains("SHA-256 " + expected.bodyDigestHex()), shown);
        assertTrue(shown.contains("clientRequestId: portal-1"), shown);
        assertTrue(shown.contains("  time / 时间: 2027-01-15T16:00:00.000+08:00 (+250 ms from this computer's clock)\n"),
                shown);
        assertTrue(shown.contains("Sign this request for platform fx-demo? Type " + code + " to sign, anything else declines"
                + " / 为平台 fx-demo 签署此请求？输入 " + code + " 签署，其他任何输入均为拒绝: "), shown);

        HttpResponse<String> declined = sign(PORTAL, agent.token(), "GET", "/holdings", "minIndex=5", "", "portal-2");
        assertEquals(403, declined.statusCode());
        assertEquals(163, JSON.readTree(declined.body()).path("code").asInt(), declined.body());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("  GET /holdings?minIndex=5\n"));
    }

    @Test
    void aTerminalEscapeInTheBodyIsShownAsTextNotSentToTheTerminal() throws Exception {
        String body = "{\"note\":\"\\u001b[2Jrepaint\\u202e\"}";
        start(code("POST", "/listings", "", body, "portal-3") + "\n");
        assertEquals(200, sign(PORTAL, agent.token(), "POST", "/listings", "", body, "portal-3").statusCode());
        String shown = console.toString(StandardCharsets.UTF_8);
        assertFalse(shown.contains("\u001b"), shown);
        assertFalse(shown.contains("\u202e"), shown);
        assertTrue(shown.contains("    note = \"\\u001b[2Jrepaint\\u202e\"\n"), shown);
    }

    @Test
    void aLongBodyIsShownToItsLastFieldNestedPathsFlattenedAndInvisibleCharactersVisible() throws Exception {
        String body = "{\"note\":\"" + "n".repeat(5000) + "\",\"terms\":{\"units\":[\"100.00\",7],\"empty\":{},\"none\":[]},"
                + "\"odd.key\\\"\":true,\"price\":\"9.9999\",\"buyer\":\"Investor-\u202e66\\\\u0041\",\"memo\":null}";
        start(code("POST", "/listings", "", body, "portal-4") + "\n");
        assertEquals(200, sign(PORTAL, agent.token(), "POST", "/listings", "", body, "portal-4").statusCode());
        String shown = console.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains(" bytes, 9 fields / 个字段, SHA-256 "), shown);
        assertTrue(shown.contains("    note = \"" + "n".repeat(5000) + "\"\n"
                + "    terms.units[0] = \"100.00\"\n"
                + "    terms.units[1] = 7\n"
                + "    terms.empty = {}\n"
                + "    terms.none = []\n"
                + "    [\"odd.key\\\"\"] = true\n"
                + "    price = \"9.9999\"\n"
                + "    buyer = \"Investor-\\u202e66\\\\u0041\"\n"
                + "    memo = null\n"
                + "  clientRequestId: portal-4\n"), shown);
        assertFalse(shown.contains("more characters"), shown);
    }

    @Test
    void aBodyItCannotShowInFullIsRefusedAndNothingIsAsked() throws Exception {
        start("");
        List<String> bodies = List.of("price=1.0000", "{\"price\":\"1.0000\",\"price\":\"9.9999\"}",
                "{\"price\":\"1.0000\"} {\"price\":\"9.9999\"}", "{\"note\":\"" + "n".repeat(64 * 1024) + "\"}");
        for (String body : bodies) {
            HttpResponse<String> refused = sign(PORTAL, agent.token(), "POST", "/listings", "", body, "portal-5");
            assertEquals(400, refused.statusCode(), body);
            assertEquals(166, JSON.readTree(refused.body()).path("code").asInt(), refused.body());
        }
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("signature request"), "nothing was shown or asked");
    }

    @Test
    void aYTypedAheadOrAnswerTypedBeforeTheQuestionDoesNotSign() throws Exception {
        start("y\n");
        HttpResponse<String> declined = sign(PORTAL, agent.token(), "GET", "/holdings", "", "", "portal-6");
        assertEquals(403, declined.statusCode(), declined.body());
        assertEquals(163, JSON.readTree(declined.body()).path("code").asInt(), declined.body());

        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertFalse(Confirmation.terminal(new Typed("c0de\n", "n\n"), out).confirm("Sign?", "c0de"),
                "the code typed before the question was discarded");
        assertTrue(Confirmation.terminal(new Typed("y\nc0de\n", "C0DE \n"), out).confirm("Sign?", "c0de"));
        assertFalse(Confirmation.terminal(new Typed("", ""), out).confirm("Sign?", "c0de"), "end of input declines");
    }

    @Test
    void thePlatformIdIsLearnedOnlyOverHttpsOrFromTheLoopback() {
        for (String exchange : List.of("http://portal.example:8080", "http://10.0.0.5:8080", "http://localhost.example",
                "http://127.0.0.1.example")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SignerCommand.requireTrustedPlatformSource(URI.create(exchange)), exchange);
            assertTrue(refused.getMessage().contains("give --platform-id"), refused.getMessage());
        }
        for (String exchange : List.of("https://portal.example", "http://localhost:8080", "http://127.0.0.1:8080",
                "http://[::1]:8080")) {
            SignerCommand.requireTrustedPlatformSource(URI.create(exchange));
        }
    }

    @Test
    void anotherOriginOrNoOriginIsRefusedWithoutACorsHeaderAndNothingIsAsked() throws Exception {
        start("y\ny\n");
        for (String origin : List.of("http://evil.example", "http://localhost:8081", "null")) {
            HttpResponse<String> refused = sign(origin, agent.token(), "POST", "/listings", "", "{}", "x-1");
            assertEquals(403, refused.statusCode(), origin);
            assertEquals(164, JSON.readTree(refused.body()).path("code").asInt(), refused.body());
            assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), origin);
            HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/sign"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, preflight.statusCode(), origin);
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), origin);
        }
        HttpResponse<String> noOrigin = http.send(HttpRequest.newBuilder(uri("/identity")).header(SigningAgent.TOKEN_HEADER,
                agent.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noOrigin.statusCode());
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("signature request"), "nothing was shown or asked");
    }

    @Test
    void thePortalsPreflightIsAnsweredForItsOriginOnly() throws Exception {
        start("");
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/sign"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-signer-token").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertEquals(List.of(PORTAL, "GET, POST", "Content-Type, X-Signer-Token"), List.of(
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow(),
                preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow(),
                preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()));
    }

    @Test
    void withoutTheRunsTokenTheAgentRefusesAndAsksNothing() throws Exception {
        start("y\n");
        HttpResponse<String> wrong = sign(PORTAL, agent.token() + "x", "POST", "/listings", "", "{}", "x-2");
        assertEquals(401, wrong.statusCode());
        assertEquals(165, JSON.readTree(wrong.body()).path("code").asInt(), wrong.body());
        HttpResponse<String> identity = http.send(HttpRequest.newBuilder(uri("/identity")).header("Origin", PORTAL)
                .header(SigningAgent.TOKEN_HEADER, agent.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, identity.statusCode());
        assertEquals(JSON.readTree("{\"participant\":\"Holder-03\",\"keyId\":\"Holder-03-k1\",\"algorithm\":\"SM2-SM3\","
                + "\"platformId\":\"fx-demo\"}"), JSON.readTree(identity.body()));
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("signature request"));
    }

    @Test
    void aRequestNamingAnotherHostIsRefusedAgainstDnsRebinding() throws Exception {
        start("y\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), agent.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /identity HTTP/1.1\r\nHost: rebind.example:" + agent.port() + "\r\nOrigin: " + PORTAL + "\r\n"
                    + SigningAgent.TOKEN_HEADER + ": " + agent.token() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            assertTrue(answer.contains("\"code\":167"), answer);
        }
    }

    @Test
    void aMalformedSignRequestIsRefusedNamingWhatIsWrong() throws Exception {
        start("y\n");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/sign")).header("Origin", PORTAL)
                .header(SigningAgent.TOKEN_HEADER, agent.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"DELETE\",\"path\":\"/x\",\"clientRequestId\":\"a\","
                        + "\"timestamp\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode());
        assertEquals(166, JSON.readTree(refused.body()).path("code").asInt());
        assertTrue(refused.body().contains("method must be GET or POST"), refused.body());
    }

    @Test
    void aPassphraseEncryptedKeyFileIsOpenedWithItsPassphraseOnly() throws Exception {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                    org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .setPassword("demo passphrase".toCharArray()).build()));
        }
        assertTrue(pem.toString().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        var opened = SignerKeys.read(pem.toString(), "demo passphrase"::toCharArray);
        assertTrue(Signatures.verify(SignatureAlgorithm.SM2_SM3, KeyMaterial.spki(keys.getPublic()), message,
                Signatures.sign(SignatureAlgorithm.SM2_SM3, opened, message)));
        assertThrows(IllegalArgumentException.class, () -> SignerKeys.read(pem.toString(), "wrong"::toCharArray));
    }

    private HttpResponse<String> sign(String origin, String token, String method, String path, String query, String body,
                                      String clientRequestId) throws IOException, InterruptedException {
        String json = JSON.writeValueAsString(Map.of("method", method, "path", path, "query", query, "body", body,
                "clientRequestId", clientRequestId, "timestamp", NOW));
        return http.send(HttpRequest.newBuilder(uri("/sign")).header("Origin", origin)
                .header(SigningAgent.TOKEN_HEADER, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + agent.port() + path);
    }
}
