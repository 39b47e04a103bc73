package fundexchange.gateway;

import fundexchange.gateway.audit.Checkpointer;
import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.http.Routes;
import fundexchange.gateway.view.GatewayView;
import fundexchange.registry.read.RegistryReads;
import fundexchange.runner.EngineRunner;
import fundexchange.sequencer.Sequencer;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import java.time.Clock;

/** The signed HTTP API on Helidon SE: explicit wiring, one routing method shared by production and tests. */
public final class Gateway implements AutoCloseable {
    private final WebServer server;

    private Gateway(WebServer server) {
        this.server = server;
    }

    public static Gateway start(GatewayConfig config, Clock clock, Sequencer sequencer, GatewayView view,
                                RegistryReads registry, EngineRunner engine, Checkpointer checkpointer) {
        RequestAuthenticator authenticator = new RequestAuthenticator(view.keys(), clock, config.requestWindowMs());
        WebServer server = WebServer.builder()
                .port(config.port())
                .addFeature(ObserveFeature.create())
                .routing(routing -> Routes.register(routing, authenticator, sequencer, view, registry, engine, checkpointer, config))
                .build()
                .start();
        return new Gateway(server);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
