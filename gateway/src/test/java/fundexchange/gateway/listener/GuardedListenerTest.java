package fundexchange.gateway.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.http.HelidonErrors;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Helidon server configured by {@link PublicListener} alone (no backend), over raw sockets: requests pipelined in
 * one write are all answered in order through the guarded reads; a connection that never sends a byte is closed
 * without a word after the idle timeout; a request line cut short is answered 408 in the error shape. No test
 * sleeps: each waits on its socket.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GuardedListenerTest {
    private static final Duration NEVER = Duration.ofMinutes(30);
    private static final int GUARD_MS = 50_000;

    private static WebServer server(ConnectionLimits limits, PublicListener listener) {
        WebServerConfig.Builder builder = WebServer.builder().host(GatewayConfig.LOOPBACK).port(0)
                .directHandlers(HelidonErrors.directHandlers());
        listener.configure(builder);
        builder.routing(routing -> routing.register(listener)
                .get("/hello", (req, res) -> res.send("hello"))
                .post("/echo", (req, res) -> res.send(req.content().as(String.class))));
        return builder.build().start();
    }

    @Test
    void requestsPipelinedInOneWriteAreAllAnsweredInOrder() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(10, NEVER, Duration.ofSeconds(1), NEVER, 1 << 20, 4_096, 16_384)
                .withSlowClientLimits(2, Duration.ofSeconds(30), Duration.ofSeconds(30));
        PublicListener listener = new PublicListener(limits, GatewayConfig.LOOPBACK);
        WebServer server = server(limits, listener);
        try (Socket socket = open(server.port())) {
            String get = "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n";
            String post = "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nworld";
            socket.getOutputStream().write((get + post + get + post + get).getBytes(StandardCharsets.US_ASCII));
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(answer(socket.getInputStream()));
            }
            assertEquals(List.of("200 hello", "200 world", "200 hello", "200 world", "200 hello"), answers);
            assertEquals(0, listener.events().requestTimeouts() + listener.events().idleClosed());
        } finally {
            server.stop();
        }
    }

    @Test
    void aConnectionThatNeverSendsAByteIsClosedWithoutAWordAfterTheIdleTimeout() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(10, Duration.ofMillis(200), Duration.ofSeconds(1), NEVER,
                1 << 20, 4_096, 16_384).withSlowClientLimits(2, NEVER, NEVER);
        PublicListener listener = new PublicListener(limits, GatewayConfig.LOOPBACK);
        WebServer server = server(limits, listener);
        try (Socket socket = open(server.port())) {
            assertEquals(-1, socket.getInputStream().read());
            assertEquals(1, listener.events().idleClosed());
        } finally {
            server.stop();
        }
    }

    @Test
    void aRequestLineCutShortIsAnswered408InTheErrorShapeThenClosed() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(10, NEVER, Duration.ofSeconds(1), NEVER, 1 << 20, 4_096, 16_384)
                .withSlowClientLimits(2, Duration.ofMillis(200), NEVER);
        PublicListener listener = new PublicListener(limits, GatewayConfig.LOOPBACK);
        WebServer server = server(limits, listener);
        try (Socket socket = open(server.port())) {
            socket.getOutputStream().write("GET /hel".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("HTTP/1.1 408 Request Timeout", answer.lines().findFirst().orElseThrow());
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertEquals("{\"code\":130,\"message\":\"Request Timeout\",\"requestId\":\"gateway-direct-",
                    body.substring(0, body.indexOf("gateway-direct-") + "gateway-direct-".length()));
            assertEquals(1, listener.events().requestTimeouts());
        } finally {
            server.stop();
        }
    }

    private static Socket open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), GUARD_MS);
        socket.setSoTimeout(GUARD_MS);
        return socket;
    }

    /** One answer: its status code and its body (by Content-Length). */
    private static String answer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = text.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst().orElseThrow(() -> new IOException("no Content-Length in " + text));
        return text.split(" ")[1] + " " + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
