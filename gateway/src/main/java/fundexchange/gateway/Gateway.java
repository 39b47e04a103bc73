package fundexchange.gateway;

import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.http.MinIndexWaiters;
import fundexchange.gateway.http.Routes;
import fundexchange.gateway.stream.StreamHub;
import fundexchange.gateway.listener.ConnectionLimits;
import fundexchange.gateway.listener.FileDescriptors;
import fundexchange.gateway.listener.ListenerState;
import fundexchange.gateway.listener.PublicListener;
import fundexchange.gateway.metrics.RequestTimers;
import fundexchange.gateway.metrics.SignatureTimers;
import fundexchange.build.BuildInfo;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.observe.ObserveFeature;
import java.time.Clock;
import java.util.List;

/**
 * The signed HTTP API on Helidon SE: explicit wiring, one routing method shared by production and tests. Two
 * listeners: the public one (every API route, capped and timed out per {@link ConnectionLimits}) and the
 * {@value #MANAGEMENT} one (health and metrics only, loopback by default; CONTRACTS.md 15). The public listener's
 * requests and signature checks are timed into the metrics ({@link RequestTimers}, {@link SignatureTimers}).
 */
public final class Gateway implements AutoCloseable {
    /** The management listener's socket name. */
    public static final String MANAGEMENT = "management";

    private final WebServer server;
    private final PublicListener listener;
    private final MinIndexWaiters waiters;
    private final StreamHub streams;

    private Gateway(WebServer server, PublicListener listener, MinIndexWaiters waiters, StreamHub streams) {
        this.server = server;
        this.listener = listener;
        this.waiters = waiters;
        this.streams = streams;
    }

    public static Gateway start(GatewayConfig config, Clock clock, GatewayServices services) {
        if (config.unsignedBench()) {
            if (!GatewayConfig.isLoopback(config.bindAddress())) {
                throw new IllegalStateException("refusing to start: unsigned benchmark mode on non-loopback address "
                        + config.bindAddress());
            }
            System.getLogger(Gateway.class.getName()).log(System.Logger.Level.WARNING,
                    "BENCHMARK ONLY: signatures are NOT verified; bound to " + config.bindAddress() + " only");
        }
        FileDescriptors.requireRoomFor(config.connections().maxConnections() + ConnectionLimits.MANAGEMENT_CONNECTIONS);
        WebServerConfig.Builder builder = WebServer.builder().host(config.bindAddress()).port(config.port());
        MinIndexWaiters waiters = new MinIndexWaiters(config.reads());
        StreamHub streams = streamHub(config, services);
        PublicListener listener = configure(builder, config, clock, services, waiters, streams);
        WebServer server = builder.build().start();
        if (server.port() < 0 || server.port(MANAGEMENT) < 0) {
            // Helidon logs a listener that failed to bind (a port in use) and starts the others: refuse to run half-up.
            server.stop();
            throw new IllegalStateException("gateway: a listener failed to start (public port " + config.port()
                    + ", management " + config.managementAddress() + ":" + config.managementPort() + " in use?)");
        }
        return new Gateway(server, listener, waiters, streams);
    }

    /**
     * Everything but the public listener's address: the limits of both listeners, the {@value #MANAGEMENT} listener
     * with the observe features (health, metrics), and every route with its authenticator on the public one.
     * {@link #start} and the {@code @ServerTest} system tests ({@code @SetUpServer}) configure a server alike.
     */
    public static PublicListener configure(WebServerConfig.Builder builder, GatewayConfig config, Clock clock,
                                           GatewayServices services) {
        return configure(builder, config, clock, services, new MinIndexWaiters(config.reads()),
                streamHub(config, services));
    }

    /** As above, with the reads waiting for a {@code minIndex} counted in {@code waiters}. */
    public static PublicListener configure(WebServerConfig.Builder builder, GatewayConfig config, Clock clock,
                                           GatewayServices services, MinIndexWaiters waiters) {
        return configure(builder, config, clock, services, waiters, streamHub(config, services));
    }

    /** As above, with its live streams' hub. */
    public static PublicListener configure(WebServerConfig.Builder builder, GatewayConfig config, Clock clock,
                                           GatewayServices services, StreamHub streams) {
        return configure(builder, config, clock, services, new MinIndexWaiters(config.reads()), streams);
    }

    /** The live streams' hub of a gateway with {@code config} (docs/api.md, Live stream). */
    public static StreamHub streamHub(GatewayConfig config, GatewayServices services) {
        return new StreamHub(services.view(), config.streams().perParticipant(), config.streamCap(),
                config.streamHeartbeat(), config.streams().scheduled());
    }

    /** As above, with the reads waiting for a {@code minIndex} counted in {@code waiters} and its live streams' hub. */
    public static PublicListener configure(WebServerConfig.Builder builder, GatewayConfig config, Clock clock,
                                           GatewayServices services, MinIndexWaiters waiters, StreamHub streams) {
        RequestAuthenticator authenticator = new RequestAuthenticator(services.view().keys(), clock,
                services.view()::requestWindowMs, services.view().platformId(), !config.unsignedBench(),
                config.reads(), new SignatureTimers(RequestAuthenticator.Verifier.SIGNATURES));
        builder.directHandlers(fundexchange.gateway.http.HelidonErrors.directHandlers());
        PublicListener listener = new PublicListener(config.connections(), config.bindAddress());
        listener.configure(builder);
        builder.putSocket(MANAGEMENT, socket -> listener.configureManagement(
                socket.host(config.managementAddress()).port(config.managementPort())));
        builder.addFeature(ObserveFeature.builder()
                        .sockets(List.of(MANAGEMENT))
                        .addObserver(HealthObserver.builder()
                                .details(true)
                                .useSystemServices(true)
                                .addCheck(() -> health("writes", services.writeProblem()), HealthCheckType.READINESS, "writes")
                                .addCheck(() -> health("reads", services.readProblem()), HealthCheckType.LIVENESS, "reads")
                                .addCheck(() -> listenerHealth(listener.state()), HealthCheckType.READINESS, "listener")
                                .addCheck(Gateway::buildHealth, HealthCheckType.LIVENESS, "build")
                                .build())
                        .addObserver(MetricsObserver.builder().build())
                        .build())
                .routing(routing -> {
                    routing.addFilter(new RequestTimers());
                    routing.register(listener);
                    routing.register(streams);
                    Routes.register(routing, authenticator, services, config, waiters, streams, clock);
                });
        return listener;
    }

    private static HealthCheckResponse health(String what, java.util.Optional<String> problem) {
        return HealthCheckResponse.builder()
                .status(problem.isEmpty())
                .detail(what, problem.orElse("ok"))
                .build();
    }

    /** Always up: which version and commit this node runs ({@link BuildInfo}). */
    private static HealthCheckResponse buildHealth() {
        BuildInfo build = BuildInfo.current();
        return HealthCheckResponse.builder()
                .status(true)
                .detail("version", build.version())
                .detail("commit", build.commit())
                .build();
    }

    private static HealthCheckResponse listenerHealth(ListenerState state) {
        return HealthCheckResponse.builder()
                .status(state.healthy())
                .detail("public", state.describe())
                .build();
    }

    /** The public listener's port. */
    public int port() {
        return server.port();
    }

    /** The management listener's port. */
    public int managementPort() {
        return server.port(MANAGEMENT);
    }

    /** Connections open now on the public listener (no probe). */
    public int openConnections() {
        return listener.open();
    }

    /** The reads of this gateway waiting for a {@code minIndex} now. */
    public MinIndexWaiters minIndexWaiters() {
        return waiters;
    }

    /** What the public listener did to slow or greedy clients: refused, idle, request and write timeouts. */
    public fundexchange.gateway.listener.ListenerEvents listenerEvents() {
        return listener.events();
    }

    /** The public listener: serving, saturated or down. */
    public ListenerState publicListener() {
        return listener.state();
    }

    /** The gateway's live streams. */
    public StreamHub streams() {
        return streams;
    }

    @Override
    public void close() {
        server.stop();
    }
}
