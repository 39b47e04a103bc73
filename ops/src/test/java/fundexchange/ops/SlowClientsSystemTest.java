package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.Gateway;
import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.listener.ConnectionLimits;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and greedy clients against real gateways on one backend (issue 13, "Connections"): a client that trickles its
 * head or its body a byte at a time is answered 408 (code 130) and closed once the request read timeout has passed
 * since its first byte, while signed requests are served meanwhile and after; a client that pipelines requests and
 * never reads the answers is closed after the write timeout; connections beyond the per-address cap are answered 429
 * (code 131) while another address is served. The per-read and idle timeouts are set far beyond every wait here, so
 * only the bound under test can end a connection; no test sleeps: each waits on its socket.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowClientsSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;

    private static final Clock CLOCK = Clock.systemUTC();
    private static final KeyPair STAFF_1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    /** Never reached by any wait below. */
    private static final Duration NEVER = Duration.ofMinutes(30);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** A guard against a hung test only: every read below ends long before it. */
    private static final int GUARD_MS = 110_000;
    private static ExchangeNode node;
    private static String platformId;

    @BeforeAll
    static void backend() {
        platformId = TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, STAFF_1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic())), CLOCK);
        node = ExchangeNode.startWithoutGateway(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                CLOCK, ExchangeNode.Options.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** A gateway on the loopback whose only short bounds are those given. */
    private static Gateway gateway(int perAddress, Duration requestRead, Duration write) {
        ConnectionLimits limits = new ConnectionLimits(100, NEVER, SECOND, NEVER, 1 << 20, 4_096, 16_384)
                .withSlowClientLimits(perAddress, requestRead, write);
        return Gateway.start(GatewayConfig.DEFAULTS.withPort(0).withBindAddress(GatewayConfig.LOOPBACK)
                .withConnections(limits), CLOCK, node.services());
    }

    @Test
    void aClientTricklingItsHeadIsAnswered408AndClosedWhileSignedRequestsAreServedMeanwhileAndAfter() throws Exception {
        try (Gateway gateway = gateway(64, SECOND, NEVER); Socket trickler = open(gateway.port(), LOOPBACK)) {
            OutputStream out = trickler.getOutputStream();
            out.write("GET /openapi HTTP/1.1\r\nHost: localhost\r\nX-Pad: ".getBytes(StandardCharsets.US_ASCII));
            int served = trickle(trickler, gateway, "a");

            assertEquals("408 130 closed", answerThenClose(trickler));
            assertTrue(served > 0, "signed requests were served while the head trickled in");
            assertEquals(200, signedGet(gateway, LOOPBACK).status(), "and after");
            assertEquals(1, gateway.listenerEvents().requestTimeouts());
            assertEquals(0, gateway.listenerEvents().writeTimeouts());
        }
    }

    @Test
    void aClientTricklingItsBodyIsAnswered408AndClosedWhileSignedRequestsAreServedMeanwhileAndAfter() throws Exception {
        try (Gateway gateway = gateway(64, SECOND, NEVER); Socket trickler = open(gateway.port(), LOOPBACK)) {
            OutputStream out = trickler.getOutputStream();
            // the route reads the body before it checks the signature; 60,000 bytes never arrive a byte per request
            out.write(("POST /participants HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 60000\r\n\r\n{\"participantId\":\"").getBytes(StandardCharsets.US_ASCII));
            int served = trickle(trickler, gateway, "b");

            assertEquals("408 130 closed", answerThenClose(trickler));
            assertTrue(served > 0, "signed requests were served while the body trickled in");
            assertEquals(200, signedGet(gateway, LOOPBACK).status(), "and after");
            assertEquals(1, gateway.listenerEvents().requestTimeouts());
        }
    }

    @Test
    void aClientThatPipelinesRequestsAndNeverReadsTheAnswersIsClosedAfterTheWriteTimeout() throws Exception {
        try (Gateway gateway = gateway(64, NEVER, Duration.ofMillis(300)); Socket greedy = new Socket()) {
            greedy.setReceiveBufferSize(4_096);
            greedy.connect(new InetSocketAddress(LOOPBACK, gateway.port()), GUARD_MS);
            OutputStream out = greedy.getOutputStream();
            byte[] request = "GET /openapi HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            // the answers fill the client's window and the server's send buffer, the server stops reading, the
            // requests fill the buffers the other way, and this write blocks until the server closes
            assertThrows(IOException.class, () -> {
                while (true) {
                    out.write(request);
                }
            });

            assertEquals(1, gateway.listenerEvents().writeTimeouts());
            assertEquals(0, gateway.listenerEvents().requestTimeouts());
            assertEquals(200, signedGet(gateway, LOOPBACK).status(), "other clients are served");
        }
    }

    @Test
    void connectionsBeyondThePerAddressCapAreRefused429WhileAnotherAddressIsServed() throws Exception {
        InetAddress second = InetAddress.getByName("127.0.0.2");
        try (Gateway gateway = gateway(3, NEVER, NEVER)) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket socket = open(gateway.port(), LOOPBACK);
                    held.add(socket);
                    assertEquals(200, RawHttp.keepAlive(socket), "connection " + i + " is served and kept");
                }
                Socket fourth = open(gateway.port(), LOOPBACK);
                held.add(fourth);
                assertEquals("429 131 closed", answerThenClose(fourth));

                assertEquals(200, signedGet(gateway, second).status(), "127.0.0.2 is another address, under its cap");
                assertEquals(1, gateway.listenerEvents().refused());
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    /**
     * Sends {@code filler} a byte at a time, a signed request (which must be served) between two bytes, until the
     * server has answered or closed the trickling connection; returns how many signed requests were served.
     */
    private static int trickle(Socket trickler, Gateway gateway, String filler) throws IOException {
        OutputStream out = trickler.getOutputStream();
        byte[] oneByte = filler.getBytes(StandardCharsets.US_ASCII);
        int served = 0;
        while (trickler.getInputStream().available() == 0) {
            try {
                out.write(oneByte);
                out.flush();
            } catch (IOException e) {
                break;
            }
            assertEquals(200, signedGet(gateway, LOOPBACK).status());
            served++;
        }
        return served;
    }

    /** A fresh signed read of staff's own participant record, sent from {@code from}. */
    private static RawHttp.Answer signedGet(Gateway gateway, InetAddress from) {
        URI base = URI.create("http://127.0.0.1:" + gateway.port());
        RawHttp.Request request = RawHttp.signed(base, platformId, "Staff-01", STAFF_1, CLOCK,
                client -> client.get("/participants/Staff-02"));
        return new RawHttp(gateway.port()).sendFrom(from, request.bytes("HTTP/1.1"));
    }

    private static Socket open(int port, InetAddress from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(LOOPBACK, port), GUARD_MS);
        socket.setSoTimeout(GUARD_MS);
        return socket;
    }

    /** One answer's status and error code, then "closed" if the server closed the connection right after it. */
    private static String answerThenClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        RawHttp.Answer answer = RawHttp.parse(in);
        return answer.status() + " " + answer.body().path("code").asInt() + (in.read() == -1 ? " closed" : " open");
    }
}
