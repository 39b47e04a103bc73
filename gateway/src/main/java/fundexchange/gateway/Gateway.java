package fundexchange.gateway;

import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.http.Routes;
import fundexchange.gateway.listener.ConnectionLimits;
import fundexchange.gateway.listener.FileDescriptors;
import fundexchange.gateway.listener.ListenerState;
import fundexchange.gateway.listener.PublicListener;
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
 * {@value #MANAGEMENT} one (health and metrics only, loopback by default; CONTRACTS.md 15).
 */
public final class Gateway implements AutoCloseable {
    /** The management listener's socket name. */
    public static final String MANAGEMENT = "management";

    private final WebServer server;
    private final PublicListener listener;

    private Gateway(WebServer server, PublicListener listener) {
        this.server = server;
        this.listener = listener;
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
        PublicListener listener = configure(builder, config, clock, services);
        WebServer server = builder.build().start();
        if (server.port() < 0 || server.port(MANAGEMENT) < 0) {
            // Helidon logs a listener that failed to bind (a port in use) and starts the others: refuse to run half-up.
            server.stop();
            throw new IllegalStateException("gateway: a listener failed to start (public port " + config.port()
                    + ", management " + config.managementAddress() + ":" + config.managementPort() + " in use?)");
        }
        return new Gateway(server, listener);
    }

    /**
     * Everything but the public listener's address: the limits of both listeners, the {@value #MANAGEMENT} listener
     * with the observe features (health, metrics), and every route with its authenticator on the public one.
     * {@link #start} and the {@code @ServerTest} system tests ({@code @SetUpServer}) configure a server alike.
     */
    public static PublicListener configure(WebServerConfig.Builder builder, GatewayConfig config, Clock clock,
                                           GatewayServices services) {
        RequestAuthenticator authenticator = new RequestAuthenticator(services.view().keys(), clock,
                services.view()::requestWindowMs, services.view().platformId(), !config.unsignedBench());
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
                                .build())
                        .addObserver(MetricsObserver.builder().build())
                        .build())
                .routing(routing -> {
                    routing.register(listener);
                    Routes.register(routing, authenticator, services, config);
                });
        return listener;
    }

    private static HealthCheckResponse health(String what, java.util.Optional<String> problem) {
        return HealthCheckResponse.builder()
                .status(problem.isEmpty())
                .detail(what, problem.orElse("ok"))
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

    /** What the public listener did to slow or greedy clients: refused, idle, request and write timeouts. */
    public fundexchange.gateway.listener.ListenerEvents listenerEvents() {
        return listener.events();
    }

    /** The public listener: serving, saturated or down. */
    public ListenerState publicListener() {
        return listener.state();
    }

    @Override
    public void close() {
        server.stop();
    }
}
