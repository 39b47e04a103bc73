package fundexchange.gateway.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import fundexchange.client.SealedBidBody;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.RequestRoute;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;

/**
 * Parses a write's body strictly into its endpoint's command: duplicate keys refused while parsing, then
 * {@link BodyRules} against the body schema of the command's specification (which also refuses null for a
 * primitive), then Jackson with every scalar coercion off. Errors name the field and never a Java class.
 */
final class CommandParser {
    /** The journal's strict reader, stricter still: duplicate keys and every scalar coercion are errors. */
    static final ObjectMapper STRICT = strictMapper();

    private CommandParser() {
    }

    @SuppressWarnings("deprecation")
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JournalCodec.strict().copy()
                .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)
                .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true)
                .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.EmptyString,
                CoercionInputShape.EmptyArray, CoercionInputShape.EmptyObject}) {
            mapper.coercionConfigDefaults().setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // Amounts are decimal strings read into BigDecimal; BodyRules has checked their grammar already.
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    static Command parse(RequestRoute route, ServerRequest request, byte[] body) {
        return parse(route, request.path().rawPath(), body);
    }

    /** As above, for the request path {@code rawPath}. */
    static Command parse(RequestRoute route, String rawPath, byte[] body) {
        try {
            JsonNode tree = body.length == 0 ? STRICT.createObjectNode() : STRICT.readTree(body);
            if (!(tree instanceof ObjectNode object)) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "body must be a JSON object");
            }
            BodyRules.check(object, route.endpoint());
            boolean textualNonce = object.path("nonce").isTextual();
            return sealedBodyChecked(route.command(rawPath, object, STRICT), textualNonce,
                    body.length);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, e.getMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(400, duplicate(e) ? ApiError.INVALID_FIELD : ApiError.MALFORMED_REQUEST, describe(e));
        } catch (IOException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "unreadable body");
        }
    }

    /**
     * A sealed bid's body (CONTRACTS.md 12): its {@code nonce} is required, a JSON string (no coercion) of 64
     * lower-case hex digits, and the body is exactly {@link SealedBidBody#LENGTH} bytes (padded with spaces), so its
     * length tells nothing of the price whatever the client. The engine checks reuse.
     */
    static Command sealedBodyChecked(Command command, boolean textualNonce, int bodyLength) {
        String nonce;
        switch (command) {
            case PlaceSealedBid bid -> nonce = bid.nonce();
            case AmendSealedBid bid -> nonce = bid.nonce();
            default -> {
                return command;
            }
        }
        if (nonce == null) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "field 'nonce' is required: 64 lower-case hex digits"
                    + " (256 random bits from the bidder's client)");
        }
        if (!textualNonce || !SealedCommitment.validNonce(nonce)) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "field 'nonce' must be 64 lower-case hex digits");
        }
        if (bodyLength != SealedBidBody.LENGTH) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "the body of a sealed bid must be exactly "
                    + SealedBidBody.LENGTH + " bytes, padded with spaces after the JSON, so that its length does not"
                    + " depend on 'price'; it is " + bodyLength);
        }
        return command;
    }

    private static boolean duplicate(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
    }

    static String describe(JsonProcessingException e) {
        if (duplicate(e)) {
            String name = e.getOriginalMessage().replaceFirst("^Duplicate field '([^']*)'.*$", "$1");
            return "field '" + name + "' is given more than once";
        }
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
