package fundexchange.gateway;

import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.http.Routes;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
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
        RequestAuthenticator authenticator = new RequestAuthenticator(services.view().keys(), clock,
                services.view()::requestWindowMs, !config.unsignedBench());
        WebServer server = WebServer.builder()
                .host(config.bindAddress())
                .port(config.port())
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder()
                                .details(true)
                                .useSystemServices(true)
                                .addCheck(() -> health("writes", services.writeProblem()), HealthCheckType.READINESS, "writes")
                                .addCheck(() -> health("reads", services.readProblem()), HealthCheckType.LIVENESS, "reads")
                                .build())
                        .addObserver(MetricsObserver.builder().build())
                        .build())
                .routing(routing -> Routes.register(routing, authenticator, services, config))
                .build()
                .start();
        return new Gateway(server);
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
