package fundexchange.gateway.listener;

import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The public listener's limits and its state. Registered (with no routes) on the public routing, it learns the port
 * when the server starts; {@link #state()} counts its open connections and probes its socket with a TCP connect from
 * the loopback, because Helidon 4.5.0 reports nothing when the listener dies: on a failed accept() (EMFILE) it closes
 * the server socket, and its thread then waits for itself forever while {@code WebServer.isRunning()} stays true.
 * It owns the one thread that times both listeners' writes, stopped with the server.
 */
public final class PublicListener implements HttpService {
    private static final int PROBE_TIMEOUT_MS = 1_000;

    private final ConnectionLimits limits;
    private final AcceptedConnections connections;
    private final String bindAddress;
    private final WriteTimeouts writeTimeouts = new WriteTimeouts();
    private final AtomicReference<WebServer> server = new AtomicReference<>();

    public PublicListener(ConnectionLimits limits, String bindAddress) {
        this.limits = limits;
        this.connections = new AcceptedConnections(limits);
        this.bindAddress = bindAddress;
    }

    /** Puts these limits on the public (default) listener. */
    public void configure(ListenerConfig.BuilderBase<?, ?> listener) {
        apply(listener, limits, connections, writeTimeouts);
    }

    /** The management listener's options: the same timeouts, {@link ConnectionLimits#MANAGEMENT_CONNECTIONS} at most. */
    public void configureManagement(ListenerConfig.BuilderBase<?, ?> listener) {
        ConnectionLimits management = limits.forManagement();
        apply(listener, management, new AcceptedConnections(management), writeTimeouts);
    }

    private static void apply(ListenerConfig.BuilderBase<?, ?> listener, ConnectionLimits limits,
                              AcceptedConnections options, WriteTimeouts writeTimeouts) {
        listener.maxTcpConnections(limits.maxConnections())
                .idleConnectionTimeout(limits.helidonIdleTimeout())
                .idleConnectionPeriod(limits.idlePeriod())
                .maxPayloadSize(limits.maxPayloadBytes())
                // blocking sockets, where SO_TIMEOUT binds reads; writes straight from the connection's thread
                .useNio(false)
                .writeQueueLength(0)
                .connectionOptions(options)
                // one connection selector, ours (Helidon's HTTP/1 with guarded reads and timed writes), and no
                // discovered protocol beside it: with one candidate Helidon opens the connection at once, so the idle
                // timeout also covers a connection that never sends a byte
                .protocolsDiscoverServices(false)
                .protocols(List.of())
                .connectionSelectors(List.of(new GuardedSelector(limits, options, writeTimeouts, System::nanoTime)));
    }

    @Override
    public void routing(HttpRules rules) {
        // no routes: registered only to be told the server's port
    }

    @Override
    public void afterStart(WebServer webServer) {
        server.set(webServer);
    }

    @Override
    public void afterStop() {
        writeTimeouts.close();
    }

    public ConnectionLimits limits() {
        return limits;
    }

    /** Connections open now. */
    public int open() {
        return connections.open();
    }

    /** What the public listener did to slow or greedy clients since it started. */
    public ListenerEvents events() {
        return connections.events();
    }

    /** Starting, serving, saturated (at its cap) or down (its socket refuses connections). */
    public ListenerState state() {
        WebServer started = server.get();
        int open = connections.open();
        if (started == null) {
            return new ListenerState(ListenerState.Status.STARTING, open, limits.maxConnections());
        }
        ListenerState.Status status = !listening(started.port())
                ? ListenerState.Status.DOWN
                : open >= limits.maxConnections() ? ListenerState.Status.SATURATED : ListenerState.Status.SERVING;
        return new ListenerState(status, open, limits.maxConnections());
    }

    /**
     * A refused connect means nothing listens; a connect that times out means the accept backlog is full, so the
     * socket is there. A socket that cannot even be opened (the process is out of descriptors) counts as down.
     */
    private boolean listening(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(probeAddress(), port), PROBE_TIMEOUT_MS);
            return true;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private InetAddress probeAddress() throws UnknownHostException {
        InetAddress bound = InetAddress.getByName(bindAddress);
        return bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
    }
}
