package fundexchange.gateway.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.engine.command.Command;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;

/** Parses a write's body strictly into its endpoint's command; errors name the field and never a Java class. */
final class CommandParser {
    private CommandParser() {
    }

    static Command parse(CommandRoute route, ServerRequest request, byte[] body) {
        try {
            JsonNode node = body.length == 0 ? Json.strict().createObjectNode() : Json.strict().readTree(body);
            if (!(node instanceof ObjectNode object)) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "body must be a JSON object");
            }
            if (object.has("type")) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "field 'type' is set by the endpoint");
            }
            object.put("type", route.commandType());
            for (String parameter : route.pathParameters()) {
                String value = request.path().pathParameters().get(parameter);
                if (route.numeric()) {
                    object.put(parameter, parseId(parameter, value));
                } else {
                    object.put(parameter, value);
                }
            }
            return Json.strict().treeToValue(object, Command.class);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, describe(e));
        } catch (IOException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "unreadable body");
        }
    }

    private static long parseId(String parameter, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, parameter + " must be a number");
        }
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            return "malformed JSON at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().getLast().getFieldName() : null;
        String where = field == null ? "the body" : "field '" + field + "'";
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException illegal && illegal.getMessage() != null) {
            return where + ": " + illegal.getMessage();
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
            return "malformed JSON: unexpected end of input";
        }
        return where + " has a missing or malformed value";
    }
}
