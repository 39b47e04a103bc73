package fundexchange.gateway.listener;

import fundexchange.gateway.http.ApiError;
import fundexchange.gateway.http.HelidonErrors;
import io.helidon.common.socket.SocketOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A listener's connection options that also do what Helidon 4.5.0 leaves undone for accepted connections (Helidon
 * configures every accepted socket through here, on its accept thread, and closes it when done): they put the read
 * timeout on each socket ({@code SO_TIMEOUT}; Helidon applies {@code connectionOptions.readTimeout} to client sockets
 * only), count the connections open now, refuse a connection whose remote address holds
 * {@link ConnectionLimits#maxPerAddress()} already (429, code 131), and hand each socket to the
 * {@link GuardedSelector} that guards its reads and writes.
 */
final class AcceptedConnections implements SocketOptions {
    private final SocketOptions delegate;
    private final ConnectionLimits limits;
    private final int readTimeoutMs;
    private final ListenerEvents events = new ListenerEvents();
    private final Set<SocketChannel> accepted = ConcurrentHashMap.newKeySet();
    /** Changed by the accept thread only, in {@code compute}. */
    private final Map<InetAddress, Set<SocketChannel>> byAddress = new ConcurrentHashMap<>();
    private final Map<Endpoints, SocketChannel> unclaimed = new ConcurrentHashMap<>();

    /** A connection's two ends, as its socket and Helidon's context both tell them. */
    private record Endpoints(SocketAddress remote, SocketAddress local) {
    }

    AcceptedConnections(ConnectionLimits limits) {
        this.delegate = SocketOptions.builder().readTimeout(limits.readTimeout()).build();
        this.limits = limits;
        this.readTimeoutMs = Math.toIntExact(limits.readTimeout().toMillis());
    }

    @Override
    public void configureSocket(SocketChannel socket) {
        delegate.configureSocket(socket);
        Endpoints endpoints;
        try {
            socket.socket().setSoTimeout(readTimeoutMs);
            endpoints = new Endpoints(socket.getRemoteAddress(), socket.getLocalAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!admit(((InetSocketAddress) endpoints.remote()).getAddress(), socket)) {
            events.countRefused();
            refuse(socket);
            throw new IllegalStateException("refused: " + limits.maxPerAddress() + " connections from one address");
        }
        if (accepted.size() >= limits.maxConnections()) {
            accepted.removeIf(channel -> !channel.isOpen());
        }
        accepted.add(socket);
        if (unclaimed.size() >= limits.maxConnections()) {
            unclaimed.values().removeIf(channel -> !channel.isOpen());
        }
        unclaimed.put(endpoints, socket);
    }

    /** The accepted socket of the connection Helidon now opens between these two ends. */
    SocketChannel claim(SocketAddress remote, SocketAddress local) {
        SocketChannel channel = unclaimed.remove(new Endpoints(remote, local));
        if (channel == null) {
            throw new IllegalStateException("gateway: no accepted socket from " + remote + " to " + local);
        }
        return channel;
    }

    /** Connections accepted and not yet closed. */
    int open() {
        accepted.removeIf(channel -> !channel.isOpen());
        return accepted.size();
    }

    ListenerEvents events() {
        return events;
    }

    /** Counts {@code socket} against its address unless the address is at its cap (closed sockets no longer count). */
    private boolean admit(InetAddress address, SocketChannel socket) {
        if (byAddress.size() >= limits.maxConnections()) {
            byAddress.replaceAll((key, sockets) -> open(sockets));
            byAddress.values().removeIf(Set::isEmpty);
        }
        boolean[] admitted = {false};
        byAddress.compute(address, (key, sockets) -> {
            Set<SocketChannel> open = sockets == null ? new HashSet<>() : open(sockets);
            if (open.size() < limits.maxPerAddress()) {
                open.add(socket);
                admitted[0] = true;
            }
            return open.isEmpty() ? null : open;
        });
        return admitted[0];
    }

    private static Set<SocketChannel> open(Set<SocketChannel> sockets) {
        sockets.removeIf(channel -> !channel.isOpen());
        return sockets;
    }

    /**
     * Answers 429 (code 131) and half-closes: the socket is fresh, so the few bytes go to its empty send buffer at
     * once. Helidon closes it when {@link #configureSocket} throws.
     */
    private static void refuse(SocketChannel socket) {
        byte[] body = HelidonErrors.errorJson(ApiError.TOO_MANY_CONNECTIONS,
                "too many connections from this address; close some and retry");
        String head = "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        try {
            socket.write(new ByteBuffer[] {ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)), ByteBuffer.wrap(body)});
            socket.shutdownOutput();
        } catch (IOException e) {
            // the client left already
        }
    }

    @Override
    public void configureSocket(java.net.Socket socket) {
        delegate.configureSocket(socket);
    }

    @Override
    public Map<SocketOption<?>, Object> socketOptions() {
        return delegate.socketOptions();
    }

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Duration readTimeout() {
        return delegate.readTimeout();
    }

    @Override
    public Optional<Integer> socketReceiveBufferSize() {
        return delegate.socketReceiveBufferSize();
    }

    @Override
    public Optional<Integer> socketSendBufferSize() {
        return delegate.socketSendBufferSize();
    }

    @Override
    public boolean socketReuseAddress() {
        return delegate.socketReuseAddress();
    }

    @Override
    public boolean socketKeepAlive() {
        return delegate.socketKeepAlive();
    }

    @Override
    public boolean tcpNoDelay() {
        return delegate.tcpNoDelay();
    }
}
