package fundexchange.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.spec.CommandSpec;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.command.spec.Endpoint;
import fundexchange.protocol.command.spec.PathParameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a signed write request becomes its command, by its {@link CommandSpec}: the body read as the spec's command
 * type, with the path parameters copied into the components they bind. The gateway parses requests with it, and an
 * auditor re-derives each journaled command from its signed request with it, so the two cannot drift apart.
 */
public record RequestRoute(CommandSpec spec) {
    /** Every write endpoint (docs/api.md), in the order of {@link CommandSpecs#endpoints()}. */
    public static final List<RequestRoute> ALL = CommandSpecs.endpoints().stream().map(RequestRoute::new).toList();

    public RequestRoute {
        spec.endpoint().orElseThrow(() -> new IllegalArgumentException(spec.name() + " has no endpoint"));
    }

    /** The endpoint of this route's command. */
    public Endpoint endpoint() {
        return spec.endpoint().orElseThrow();
    }

    /** The path template. */
    public String path() {
        return endpoint().path();
    }

    /** The command's type name. */
    public String commandType() {
        return spec.name();
    }

    /** The names of the path parameters, in path order. */
    public List<String> pathParameters() {
        return endpoint().parameters().stream().map(PathParameter::name).toList();
    }

    /** The route a concrete path belongs to, if any. */
    public static Optional<RequestRoute> forPath(String concretePath) {
        return ALL.stream().filter(route -> route.parameters(concretePath).isPresent()).findFirst();
    }

    /** The command a signed request stands for: its body, typed by its endpoint, with the path parameters. */
    public static Command commandOf(SignedRequest request) throws IOException {
        if (!CommandSpecs.anyEndpointTakes(request.method())) {
            throw new IllegalArgumentException("only POST requests carry commands");
        }
        CommandSpec spec = CommandSpecs.forRequest(request.method(), request.path())
                .orElseThrow(() -> new IllegalArgumentException("no write endpoint at " + request.path()));
        return new RequestRoute(spec).command(request.path(), request.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The path parameters of a concrete path if it matches this template. */
    public Optional<Map<String, String>> parameters(String concretePath) {
        return endpoint().match(concretePath);
    }

    /**
     * Parses a body strictly (unknown fields are errors) into this route's command, with the path parameters of
     * {@code concretePath}. Throws IllegalArgumentException or a Jackson exception naming the problem.
     */
    public Command command(String concretePath, byte[] body) throws IOException {
        return command(concretePath, body, JournalCodec.strict());
    }

    /** As {@link #command(String, byte[])}, reading with {@code mapper} (the gateway's stricter one). */
    public Command command(String concretePath, byte[] body, com.fasterxml.jackson.databind.ObjectMapper mapper)
            throws IOException {
        JsonNode node = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        return command(concretePath, object, mapper);
    }

    /**
     * As {@link #command(String, byte[], com.fasterxml.jackson.databind.ObjectMapper)}, from a body already parsed
     * (the gateway parses it once to check its rules); {@code object} receives the type and the path's fields.
     */
    public Command command(String concretePath, ObjectNode object, com.fasterxml.jackson.databind.ObjectMapper mapper)
            throws IOException {
        Map<String, String> values = parameters(concretePath)
                .orElseThrow(() -> new IllegalArgumentException(concretePath + " is not " + path()));
        if (object.has("type")) {
            throw new IllegalArgumentException("field 'type' is set by the endpoint");
        }
        object.put("type", commandType());
        for (PathParameter parameter : endpoint().parameters()) {
            String value = values.get(parameter.name());
            if (parameter.numeric()) {
                try {
                    object.put(parameter.component(), Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(parameter.name() + " must be a number");
                }
            } else {
                object.put(parameter.component(), value);
            }
        }
        return mapper.treeToValue(object, Command.class);
    }
}
