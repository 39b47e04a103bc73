package fundexchange.gateway.listener;

import io.helidon.common.socket.HelidonSocket;
import io.helidon.http.DirectHandler;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ServerConnectionException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.function.Supplier;

/**
 * A connection's reads from its socket, each bounded by the {@link RequestClock} through {@code SO_TIMEOUT} (the
 * listener reads through blocking sockets, where it binds). When the bound passes between requests the connection
 * closes without a word; inside a request the answer is 408 (code 130), then the connection closes.
 */
final class GuardedReads implements Supplier<byte[]> {
    private final HelidonSocket socket;
    private final Socket javaSocket;
    private final RequestClock clock;
    private final ListenerEvents events;
    private boolean timedOut;
    private byte[] alreadyRead;

    /**
     * @param alreadyRead bytes Helidon read before it chose this connection (with several connection selectors it
     *                    reads the first bytes to identify the protocol); served first
     */
    GuardedReads(HelidonSocket socket, Socket javaSocket, RequestClock clock, ListenerEvents events, byte[] alreadyRead) {
        this.alreadyRead = alreadyRead.length == 0 ? null : alreadyRead;
        this.socket = socket;
        this.javaSocket = javaSocket;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public byte[] get() {
        if (timedOut) {
            // answered 408 inside a route (the body was late): Helidon would otherwise wait for a next request
            throw new CloseConnectionException("request read timeout");
        }
        if (alreadyRead != null) {
            byte[] first = alreadyRead;
            alreadyRead = null;
            clock.nextReadMillis();
            clock.received();
            return first;
        }
        int waitMillis = clock.nextReadMillis();
        if (waitMillis == 0) {
            throw expired();
        }
        try {
            javaSocket.setSoTimeout(waitMillis);
        } catch (SocketException e) {
            throw new ServerConnectionException("socket closed", e);
        }
        byte[] bytes;
        try {
            bytes = socket.get();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                throw expired();
            }
            throw new ServerConnectionException("Failed to get data from socket", e);
        }
        if (bytes != null) {
            clock.received();
        }
        return bytes;
    }

    private RuntimeException expired() {
        if (clock.phase() == RequestClock.Phase.BETWEEN_REQUESTS) {
            events.countIdleClosed();
            return new CloseConnectionException("idle timeout");
        }
        events.countRequestTimeout();
        timedOut = true;
        return requestTimeout();
    }

    /** The 408 the server answers (in the error shape, through the gateway's direct handlers) before it closes. */
    static RequestException requestTimeout() {
        return RequestException.builder()
                .type(DirectHandler.EventType.OTHER)
                .status(Status.REQUEST_TIMEOUT_408)
                .setKeepAlive(false)
                .message("the request did not arrive in time")
                .build();
    }
}
