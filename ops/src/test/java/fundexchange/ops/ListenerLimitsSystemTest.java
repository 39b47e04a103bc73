package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.Gateway;
import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.listener.ConnectionLimits;
import fundexchange.gateway.listener.ListenerState;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public listener's connection cap and timeouts through real gateways on one backend: more sockets than the cap
 * from the loopback leave the management listener answering (and reporting the public one saturated), and signed
 * requests are served again once they close; an idle connection, a half-sent header and a body shorter than its
 * Content-Length are answered 408 and closed by the server.
 */
class ListenerLimitsSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;

    private static final Clock CLOCK = Clock.systemUTC();
    private static final KeyPair STAFF_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair STAFF_2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final KeyPair REGULATOR = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private static final int CAP = 20;
    /** Long enough that no connection of the saturation test times out; never waited for. */
    private static final Duration NEVER = Duration.ofMinutes(30);
    private static final Duration TINY = Duration.ofMillis(300);
    /** A guard against a hung test only: every read below ends long before it. */
    private static final int GUARD_MS = 120_000;
    private static ExchangeNode node;

    @BeforeAll
    static void backend() {
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, STAFF_2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, REGULATOR.getPublic())), CLOCK);
        node = ExchangeNode.startWithoutGateway(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                CLOCK, ExchangeNode.Options.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Gateway gateway(ConnectionLimits limits) {
        return Gateway.start(GatewayConfig.DEFAULTS.withPort(0).withBindAddress(GatewayConfig.LOOPBACK)
                .withConnections(limits), CLOCK, node.services());
    }

    @Test
    void moreSocketsThanTheCapSaturateThePublicListenerOnlyAndSignedRequestsAreServedOnceTheyClose() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(CAP, NEVER, Duration.ofSeconds(1), NEVER, 1 << 20, 4_096, 16_384);
        try (Gateway gateway = gateway(limits)) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < CAP; i++) {
                    Socket socket = open(gateway.port());
                    sockets.add(socket);
                    assertEquals(200, RawHttp.keepAlive(socket),
                            "connection " + i + " is accepted and kept alive");
                }
                for (int i = 0; i < 5; i++) {
                    sockets.add(open(gateway.port()));
                }
                assertEquals(new ListenerState(ListenerState.Status.SATURATED, CAP, CAP), gateway.publicListener());

                HttpResponse<String> health = management(gateway, "/observe/health");
                assertEquals(503, health.statusCode(), health.body());
                assertTrue(health.body().contains("SATURATED 20/20 connections"), health.body());
                HttpResponse<String> metrics = management(gateway, "/observe/metrics");
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.body().contains("exchange_lag_commands{"), "the node's gauges are on the management listener");
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            Participant staff = new Participant(URI.create("http://127.0.0.1:" + gateway.port()), "Staff-01", "Staff-01-k1",
                    STAFF_1, CLOCK, "cap");
            assertEquals(200, staff.get("/participants/Staff-02").status());
            assertEquals(404, staff.get("/observe/health").status(), "health is not served on the public listener");
            HttpResponse<String> health = management(gateway, "/observe/health");
            assertTrue(health.body().contains("\"writes\""), health.body());
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(CAP, TINY, Duration.ofMillis(100), NEVER, 1 << 20, 4_096, 16_384);
        try (Gateway gateway = gateway(limits); Socket idle = open(gateway.port())) {
            assertEquals("", untilClosed(idle), "a connection that never sent a byte is closed without a word");
            assertEquals(ListenerState.Status.SERVING, gateway.publicListener().status());
        }
    }

    @Test
    void aHalfSentHeaderAndABodyShorterThanItsContentLengthAreClosedAfterTheReadTimeout() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(CAP, NEVER, Duration.ofSeconds(1), TINY, 1 << 20, 4_096, 16_384);
        try (Gateway gateway = gateway(limits);
             Socket halfHeader = open(gateway.port());
             Socket shortBody = open(gateway.port())) {
            halfHeader.getOutputStream().write("GET /openapi HTTP/1.1\r\nHost: local".getBytes(StandardCharsets.US_ASCII));
            shortBody.getOutputStream().write(("POST /participants HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"participantId\"").getBytes(StandardCharsets.US_ASCII));

            assertTrue(untilClosed(halfHeader).startsWith("HTTP/1.1 408 "), "a half-sent header is answered 408, then closed");
            assertTrue(untilClosed(shortBody).startsWith("HTTP/1.1 408 "), "a short body is answered 408, then closed");
            assertEquals(ListenerState.Status.SERVING, gateway.publicListener().status());
        }
    }

    private static Socket open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(GatewayConfig.LOOPBACK, port), GUARD_MS);
        socket.setSoTimeout(GUARD_MS);
        return socket;
    }

    /** Everything the server sends until it closes the connection (a read of -1 ends it). */
    private static String untilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String received = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(-1, in.read());
        return received;
    }

    private static HttpResponse<String> management(Gateway gateway, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.managementPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
