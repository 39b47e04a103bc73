package fundexchange.gateway.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.SealedBidBody;
import fundexchange.engine.command.AmendSealedBid;
import fundexchange.engine.command.Command;
import fundexchange.engine.command.PlaceSealedBid;
import fundexchange.engine.listing.SealedCommitment;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;

/** Parses a write's body strictly into its endpoint's command; errors name the field and never a Java class. */
final class CommandParser {
    private static final ObjectMapper TREES = new ObjectMapper();
    private CommandParser() {
    }

    static Command parse(CommandRoute route, ServerRequest request, byte[] body) {
        try {
            return sealedBodyChecked(route.request().command(request.path().rawPath(), body), body);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, e.getMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, describe(e));
        } catch (IOException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "unreadable body");
        }
    }

    /**
     * A sealed bid's body (CONTRACTS.md 12): its {@code nonce} is required, a JSON string (no coercion) of 64
     * lower-case hex digits, and the body is exactly {@link SealedBidBody#LENGTH} bytes (padded with spaces), so its
     * length tells nothing of the price whatever the client. The engine checks reuse.
     */
    static Command sealedBodyChecked(Command command, byte[] body) throws IOException {
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
        if (!TREES.readTree(body).path("nonce").isTextual() || !SealedCommitment.validNonce(nonce)) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "field 'nonce' must be 64 lower-case hex digits");
        }
        if (body.length != SealedBidBody.LENGTH) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "the body of a sealed bid must be exactly "
                    + SealedBidBody.LENGTH + " bytes, padded with spaces after the JSON, so that its length does not"
                    + " depend on 'price'; it is " + body.length);
        }
        return command;
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
