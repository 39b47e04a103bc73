package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.spec.CommandSpec;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.command.spec.Endpoint;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's routing, as {@link Routes} builds it, sends a concrete path of each command to that command's spec. */
@RoutingTest
class CommandRoutingTest {
    private final DirectClient client;

    CommandRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        MethodTable table = new MethodTable(routing);
        Routes.commands(table, route -> (request, response) -> response.send(route.commandType()));
        table.closeWithMethodNotAllowed();
        routing.error(ApiException.class, (request, response, e) -> {
            response.status(io.helidon.http.Status.create(e.status()));
            response.send(e.getMessage());
        });
    }

    @Test
    void everyCommandPathReachesTheHandlerOfItsOwnSpecification() {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> reached = new LinkedHashMap<>();
        for (CommandSpec spec : CommandSpecs.endpoints()) {
            Endpoint endpoint = spec.endpoint().orElseThrow();
            String path = endpoint.expand(endpoint.parameters().stream().map(p -> p.numeric() ? (Object) 7L : "F-1").toArray());
            expected.put(path, spec.name());
            reached.put(path, client.method(Method.create(endpoint.method())).path(path).request(String.class).entity());
        }
        assertEquals(expected, reached);
    }

    @Test
    void anotherMethodOnACommandPathIsNotServed() {
        assertEquals(405, client.method(Method.PUT).path("/listings/7/bids").request(String.class).status().code());
    }
}
