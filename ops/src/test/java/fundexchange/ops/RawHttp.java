package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.ExchangeClient;
import fundexchange.signing.KeyMaterial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * HTTP/1.1 over a plain socket, byte for byte, for requests no well-behaved client sends: repeated or malformed
 * headers, odd request lines, reordered queries. Signed requests are signed by the real {@link ExchangeClient}
 * ({@link #signed}) and captured before sending, so the signing scheme stays the client's.
 */
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A request as header lines (name, value) in order, with its request line and body. */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
        /** This request with {@code name}'s value replaced. */
        Request with(String name, String value) {
            List<Map.Entry<String, String>> changed = new ArrayList<>();
            headers.forEach(h -> changed.add(h.getKey().equalsIgnoreCase(name) ? Map.entry(h.getKey(), value) : h));
            return new Request(method, target, changed, body);
        }

        /** This request with {@code name} sent a second time, with {@code value}. */
        Request plus(String name, String value) {
            List<Map.Entry<String, String>> changed = new ArrayList<>(headers);
            changed.add(Map.entry(name, value));
            return new Request(method, target, changed, body);
        }

        Request target(String newTarget) {
            return new Request(method, newTarget, headers, body);
        }

        String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).findFirst().orElseThrow().getValue();
        }

        byte[] bytes(String version) {
            StringBuilder head = new StringBuilder(method + " " + target + " " + version + "\r\n");
            headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
            head.append("Host: localhost\r\nConnection: close\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    /** An answer: status, headers by lower-case name, and the body as JSON ({@code null} node if empty). */
    record Answer(int status, Map<String, String> headers, JsonNode body) {
    }

    /** The request {@code participant}'s client would send for {@code call}, signed for {@code platformId}, not sent. */
    static Request signed(URI base, String platformId, String participant, KeyPair keys, Clock clock,
                          Participant.Call call) {
        Capture capture = new Capture();
        ExchangeClient client = new ExchangeClient(capture, base, participant, participant + "-k1",
                KeyMaterial.algorithmOf(keys.getPrivate()), keys.getPrivate(), clock).pinnedTo(platformId);
        try {
            call.send(client);
        } catch (Captured captured) {
            return captured.request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the call sent nothing");
    }

    Answer send(Request request) {
        return send(request.bytes("HTTP/1.1"));
    }

    /** Sends {@code bytes} as they are and reads the whole answer (the server closes: Connection: close). */
    Answer send(byte[] bytes) {
        return sendFrom(InetAddress.getLoopbackAddress(), bytes);
    }

    /** As {@link #send(byte[])}, from the local address {@code from} (any of 127.0.0.0/8 on Linux) to 127.0.0.1. */
    Answer sendFrom(InetAddress from, byte[] bytes) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer from {@code in}: status line, headers, and a body of its Content-Length. */
    static Answer parse(InputStream in) throws IOException {
        Head head = head(in);
        byte[] body = Optional.ofNullable(head.headers().get("content-length"))
                .map(length -> readN(in, Integer.parseInt(length))).orElseGet(() -> readAll(in));
        return new Answer(head.status(), head.headers(), body.length == 0 ? JSON.nullNode() : JSON.readTree(body));
    }

    /**
     * Sends an unsigned keep-alive {@code GET /openapi} on {@code socket} and reads its whole answer (by its
     * Content-Length), leaving the connection open; returns the status.
     */
    static int keepAlive(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /openapi HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        Head head = head(in);
        String length = head.headers().get("content-length");
        if (length == null) {
            throw new IOException("no Content-Length in the answer " + head.status());
        }
        if (in.readNBytes(Integer.parseInt(length)).length != Integer.parseInt(length)) {
            throw new IOException("short body");
        }
        return head.status();
    }

    private record Head(int status, Map<String, String> headers) {
    }

    private static Head head(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Head(status, headers);
    }

    private static byte[] readN(InputStream in, int length) {
        try {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside the head: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Thrown by {@link Capture} with the request the client would have sent. */
    private static final class Captured extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Request request;

        Captured(Request request) {
            super(null, null, false, false);
            this.request = request;
        }
    }

    /** An HttpClient that sends nothing: it hands the client's signed request back as {@link Captured}. */
    private static final class Capture extends HttpClient {
        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            request.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
            byte[] bytes = request.bodyPublisher().map(Capture::collect).orElse(new byte[0]);
            URI uri = request.uri();
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            throw new Captured(new Request(request.method(), target, headers, bytes));
        }

        private static byte[] collect(HttpRequest.BodyPublisher publisher) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CompletableFuture<Void> done = new CompletableFuture<>();
            publisher.subscribe(new java.util.concurrent.Flow.Subscriber<>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(java.nio.ByteBuffer item) {
                    byte[] chunk = new byte[item.remaining()];
                    item.get(chunk);
                    out.writeBytes(chunk);
                }

                @Override
                public void onError(Throwable throwable) {
                    done.completeExceptionally(throwable);
                }

                @Override
                public void onComplete() {
                    done.complete(null);
                }
            });
            done.join();
            return out.toByteArray();
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            return CompletableFuture.completedFuture(send(request, handler));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            return sendAsync(request, handler);
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            throw new UnsupportedOperationException("no TLS here");
        }

        @Override
        public SSLParameters sslParameters() {
            return new SSLParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }
}
