package fundexchange.ops.signer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fundexchange.client.SignedHeaders;
import fundexchange.gateway.GatewayConfig;
import fundexchange.protocol.reference.PlatformTime;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code exchange signer}: a local signing agent for participants whose key the browser cannot use (SM2-SM3; docs/portal.md,
 * "SM2 users"). It listens on the loopback only, holds one participant's key, and for each request the portal sends it
 * builds the canonical string itself, shows the person at its terminal what it would sign and signs only on an
 * explicit yes. Other local web pages cannot use it: it answers only the configured portal origin (its CORS preflight
 * included), only requests carrying the random token it printed at start (which the person pastes into the portal),
 * and only a Host naming its own loopback address (DNS rebinding). Requests are handled one at a time, so questions
 * never interleave.
 */
public final class SigningAgent implements AutoCloseable {
    /** The largest body signed: the gateway's own limit, as no larger body could be sent. */
    static final int MAX_BODY_BYTES = GatewayConfig.DEFAULTS.maxBodyBytes();
    /** The largest sign request read: the body JSON-escaped (at most six characters per byte) and the other fields. */
    static final int MAX_REQUEST_BYTES = 6 * MAX_BODY_BYTES + 16 * 1024;
    public static final String TOKEN_HEADER = "X-Signer-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The participant the agent signs for, and where. */
    public record Identity(String participantId, String keyId, String platformId, String portalOrigin) {
    }

    private final Identity identity;
    private final PrivateKey key;
    private final SignatureAlgorithm algorithm;
    private final Confirmation confirmation;
    private final PrintStream console;
    private final Clock clock;
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requests = new AtomicLong();

    private SigningAgent(Identity identity, PrivateKey key, int port, Confirmation confirmation, PrintStream console,
                         Clock clock) throws IOException {
        this.identity = identity;
        this.key = key;
        this.algorithm = KeyMaterial.algorithmOf(key);
        this.confirmation = confirmation;
        this.console = console;
        this.clock = clock;
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "signer");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts an agent on {@code 127.0.0.1:port} (0: any free port). */
    public static SigningAgent start(Identity identity, PrivateKey key, int port, Confirmation confirmation,
                                     PrintStream console, Clock clock) {
        try {
            SigningAgent agent = new SigningAgent(identity, key, port, confirmation, console, clock);
            agent.server.start();
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The per-run token the portal must send in {@value #TOKEN_HEADER}. */
    public String token() {
        return token;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = "signer-" + requests.incrementAndGet();
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !(host.equals("127.0.0.1:" + port()) || host.equals("localhost:" + port()))) {
                refuse(exchange, SignerError.HOST_NOT_ALLOWED, "the agent answers only Host 127.0.0.1:" + port()
                        + " or localhost:" + port(), requestId, false);
                return;
            }
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin == null || !origin.equals(identity.portalOrigin())) {
                refuse(exchange, SignerError.ORIGIN_NOT_ALLOWED, "the agent serves only the portal at "
                        + identity.portalOrigin() + " / 仅为配置的门户签名", requestId, false);
                return;
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (method.equals("OPTIONS")) {
                preflight(exchange);
                return;
            }
            if (!constantTimeEquals(exchange.getRequestHeaders().getFirst(TOKEN_HEADER), token)) {
                refuse(exchange, SignerError.BAD_TOKEN, "missing or wrong " + TOKEN_HEADER + ": paste the token the"
                        + " agent printed at start into the portal / 令牌缺失或错误", requestId, true);
                return;
            }
            if (method.equals("GET") && path.equals("/identity")) {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("participant", identity.participantId());
                answer.put("keyId", identity.keyId());
                answer.put("algorithm", algorithm.wireName());
                answer.put("platformId", identity.platformId());
                send(exchange, 200, answer);
            } else if (method.equals("POST") && path.equals("/sign")) {
                sign(exchange, requestId);
            } else {
                refuse(exchange, SignerError.MALFORMED, method + " " + path + " is not served: POST /sign, GET /identity",
                        requestId, true);
            }
        }
    }

    private void sign(HttpExchange exchange, String requestId) throws IOException {
        byte[] raw = readBounded(exchange.getRequestBody());
        if (raw == null) {
            refuse(exchange, SignerError.MALFORMED, "the sign request exceeds " + MAX_REQUEST_BYTES + " bytes", requestId, true);
            return;
        }
        SignRequest request;
        CanonicalRequest canonical;
        List<String> fields;
        try {
            request = SignRequest.parse(raw);
            if (request.bodyBytes().length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("the body exceeds the gateway's " + MAX_BODY_BYTES + " bytes");
            }
            fields = BodyFields.of(request.body());
            canonical = CanonicalRequest.of(identity.platformId(), request.method(), request.path(),
                    request.query().isEmpty() ? null : request.query(),
                    identity.participantId(), identity.keyId(), algorithm, request.timestamp(),
                    request.clientRequestId(), request.bodyBytes());
        } catch (IllegalArgumentException e) {
            refuse(exchange, SignerError.MALFORMED, e.getMessage(), requestId, true);
            return;
        }
        String code = confirmationCode(canonical);
        show(request, canonical, fields, requestId);
        if (!confirmation.confirm("Sign this request for platform " + identity.platformId() + "? Type " + code
                + " to sign, anything else declines / 为平台 " + identity.platformId() + " 签署此请求？输入 " + code
                + " 签署，其他任何输入均为拒绝:", code)) {
            console.println("  declined / 已拒绝");
            refuse(exchange, SignerError.DECLINED, "the signer declined to sign / 签名人拒绝签署", requestId, true);
            return;
        }
        byte[] signature = Signatures.sign(algorithm, key, canonical.bytes());
        console.println("  signed / 已签署");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("headers", SignedHeaders.of(canonical, signature));
        answer.put("canonical", new String(canonical.bytes(), StandardCharsets.UTF_8));
        send(exchange, 200, answer);
    }

    /**
     * The code the person types to sign this request: four hex digits of the canonical string's SHA-256, so that an
     * answer typed for one request does not confirm another.
     */
    static String confirmationCode(CanonicalRequest canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.bytes()), 0, 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What will be signed, in full: every body field, every participant-supplied character shown as printable text. */
    private void show(SignRequest request, CanonicalRequest canonical, List<String> fields, String requestId) {
        long skew = request.timestamp() - clock.millis();
        console.println();
        console.println("== " + requestId + ": signature request from " + identity.portalOrigin() + " / 签名请求 ==");
        console.println("  " + request.method() + " " + Printable.of(request.path())
                + (request.query().isEmpty() ? "" : "?" + Printable.of(request.query())));
        console.println("  body / 正文 (" + request.bodyBytes().length + " bytes, " + fields.size()
                + " fields / 个字段, SHA-256 " + canonical.bodyDigestHex() + "):");
        if (fields.isEmpty()) {
            console.println("    (none / 无)");
        }
        fields.forEach(field -> console.println("    " + field));
        console.println("  clientRequestId: " + Printable.of(request.clientRequestId()));
        console.println("  time / 时间: " + new PlatformTime(clock.getZone()).format(request.timestamp()) + " ("
                + (skew >= 0 ? "+" : "") + skew + " ms from this computer's clock)");
        console.println("  as / 身份: " + identity.participantId() + ", key " + identity.keyId() + " (" + algorithm.wireName()
                + "), platform " + identity.platformId());
    }

    private void preflight(HttpExchange exchange) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Access-Control-Allow-Origin", identity.portalOrigin());
        headers.set("Vary", "Origin");
        headers.set("Access-Control-Allow-Methods", "GET, POST");
        headers.set("Access-Control-Allow-Headers", "Content-Type, " + TOKEN_HEADER);
        headers.set("Access-Control-Max-Age", "600");
        if ("true".equals(exchange.getRequestHeaders().getFirst("Access-Control-Request-Private-Network"))) {
            headers.set("Access-Control-Allow-Private-Network", "true");
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private void refuse(HttpExchange exchange, SignerError error, String message, String requestId, boolean portal)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("message", message);
        body.put("requestId", requestId);
        if (!portal) {
            // Not the portal: no CORS header, so no other page can read even the refusal.
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(error.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            return;
        }
        send(exchange, error.status(), body);
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Cache-Control", "no-store");
        headers.set("Access-Control-Allow-Origin", identity.portalOrigin());
        headers.set("Vary", "Origin");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The stream's bytes, or null when they exceed {@link #MAX_REQUEST_BYTES}. */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
