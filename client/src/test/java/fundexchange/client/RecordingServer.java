package fundexchange.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server that records every request and answers with given answers in turn, the last one repeated. */
final class RecordingServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One answer: a status and a body. */
    record Answer(int status, String body) {
    }

    private final List<Answer> answers;
    private final AtomicInteger answered = new AtomicInteger();
    private final Map<String, String> responseHeaders;

    RecordingServer(int status, String responseBody) throws IOException {
        this(List.of(new Answer(status, responseBody)));
    }

    /** A server that also answers with {@code responseHeaders}. */
    RecordingServer(int status, String responseBody, Map<String, String> responseHeaders) throws IOException {
        this(List.of(new Answer(status, responseBody)), responseHeaders);
    }

    RecordingServer(List<Answer> answers) throws IOException {
        this(answers, Map.of());
    }

    RecordingServer(List<Answer> answers, Map<String, String> responseHeaders) throws IOException {
        this.answers = List.copyOf(answers);
        this.responseHeaders = Map.copyOf(responseHeaders);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Answer answer = this.answers.get(Math.min(answered.getAndIncrement(), this.answers.size() - 1));
            answer(exchange, answer.status(), answer.body());
        });
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange, int status, String responseBody) throws IOException {
        URI uri = exchange.getRequestURI();
        received.add(new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
        byte[] bytes = responseBody.getBytes(StandardCharsets.UTF_8);
        responseHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
