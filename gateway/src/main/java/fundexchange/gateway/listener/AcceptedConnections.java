package fundexchange.gateway.listener;

import io.helidon.common.socket.SocketOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A listener's connection options that also do what Helidon 4.5.0 leaves undone for accepted connections: they put the
 * read timeout on each socket ({@code SO_TIMEOUT}; Helidon applies {@code connectionOptions.readTimeout} to client
 * sockets only, and it binds only blocking socket reads, hence {@code useNio(false)} on the listener), and they count
 * the connections open now (Helidon configures every accepted socket through here, and closes it when done).
 */
final class AcceptedConnections implements SocketOptions {
    private final SocketOptions delegate;
    private final int readTimeoutMs;
    private final int maxConnections;
    private final Set<SocketChannel> accepted = ConcurrentHashMap.newKeySet();

    AcceptedConnections(ConnectionLimits limits) {
        this.delegate = SocketOptions.builder().readTimeout(limits.readTimeout()).build();
        this.readTimeoutMs = Math.toIntExact(limits.readTimeout().toMillis());
        this.maxConnections = limits.maxConnections();
    }

    @Override
    public void configureSocket(SocketChannel socket) {
        delegate.configureSocket(socket);
        try {
            socket.socket().setSoTimeout(readTimeoutMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (accepted.size() >= maxConnections) {
            accepted.removeIf(channel -> !channel.isOpen());
        }
        accepted.add(socket);
    }

    /** Connections accepted and not yet closed. */
    int open() {
        accepted.removeIf(channel -> !channel.isOpen());
        return accepted.size();
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
