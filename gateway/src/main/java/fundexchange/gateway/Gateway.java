package fundexchange.gateway;

import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.http.Routes;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.observe.ObserveFeature;
import java.time.Clock;

/** The signed HTTP API on Helidon SE: explicit wiring, one routing method shared by production and tests. */
public final class Gateway implements AutoCloseable {
    private final WebServer server;

    private Gateway(WebServer server) {
        this.server = server;
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
        WebServerConfig.Builder builder = WebServer.builder().host(config.bindAddress()).port(config.port());
        configure(builder, config, clock, services);
        return new Gateway(builder.build().start());
    }

    /**
     * Everything but the address: the observe features (health, metrics) and every route with its authenticator.
     * {@link #start} and the {@code @ServerTest} system tests ({@code @SetUpServer}) configure a server alike.
     */
    public static void configure(WebServerConfig.Builder builder, GatewayConfig config, Clock clock,
                                 GatewayServices services) {
        RequestAuthenticator authenticator = new RequestAuthenticator(services.view().keys(), clock,
                services.view()::requestWindowMs, services.view().platformId(), !config.unsignedBench());
        builder.directHandlers(fundexchange.gateway.http.HelidonErrors.directHandlers());
        builder.addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder()
                                .details(true)
                                .useSystemServices(true)
                                .addCheck(() -> health("writes", services.writeProblem()), HealthCheckType.READINESS, "writes")
                                .addCheck(() -> health("reads", services.readProblem()), HealthCheckType.LIVENESS, "reads")
                                .build())
                        .addObserver(MetricsObserver.builder().build())
                        .build())
                .routing(routing -> Routes.register(routing, authenticator, services, config));
    }

    private static HealthCheckResponse health(String what, java.util.Optional<String> problem) {
        return HealthCheckResponse.builder()
                .status(problem.isEmpty())
                .detail(what, problem.orElse("ok"))
                .build();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
