package fundexchange.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.engine.command.Command;
import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.view.GatewayView;
import fundexchange.journal.EventDocument;
import fundexchange.journal.OutcomeStatus;
import fundexchange.journal.SignedRequest;
import fundexchange.sequencer.Sequencer;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handles one write endpoint: verify, parse, append through the sequencer, then answer with the event document of
 * the appended index, or 202 with {@code /requests/{clientRequestId}} if it is not decided in time (CONTRACTS.md 7, 9).
 */
final class CommandHandler implements Handler {
    private static final Set<String> KEY_CHANGES = Set.of("RotateKey", "RevokeKey", "ApproveProposal");

    private final CommandRoute route;
    private final RequestAuthenticator authenticator;
    private final Sequencer sequencer;
    private final GatewayView view;
    private final GatewayConfig config;
    private final AtomicLong pendingKeyChange;

    CommandHandler(CommandRoute route, RequestAuthenticator authenticator, Sequencer sequencer, GatewayView view,
                   GatewayConfig config, AtomicLong pendingKeyChange) {
        this.route = route;
        this.authenticator = authenticator;
        this.sequencer = sequencer;
        this.view = view;
        this.config = config;
        this.pendingKeyChange = pendingKeyChange;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        byte[] body = RequestBodies.read(request, config.maxBodyBytes());
        Caller caller = authenticator.authenticate(request, body);
        if (route.roles().stream().noneMatch(caller::has)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "this endpoint needs one of the roles " + route.roles());
        }
        Command command = parse(request, body);
        SignedRequest signed = new SignedRequest(caller.participantId(), caller.keyId(), caller.algorithm(),
                caller.signature(), caller.timestamp(), caller.clientRequestId(), caller.method(), caller.path(),
                caller.query(), caller.bodyDigest(), RequestBodies.utf8(body));
        long index = append(signed, command);
        EventDocument document;
        try {
            document = view.documentAt(index).get(config.responseTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (KEY_CHANGES.contains(route.commandType())) {
                pendingKeyChange.accumulateAndGet(index, Math::max);
            }
            accepted(response, caller, index);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, ApiError.UNAVAILABLE, "interrupted");
        } catch (ExecutionException e) {
            throw new ApiException(500, ApiError.INTERNAL, "could not read the outcome");
        }
        answer(response, caller, original(document, caller));
    }

    private long append(SignedRequest signed, Command command) {
        try {
            return sequencer.submit(signed, command).get(config.responseTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, ApiError.UNAVAILABLE, "interrupted before the command was journaled");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(503, ApiError.UNAVAILABLE, "the command was not journaled; it is safe to retry with the same clientRequestId");
        }
    }

    private EventDocument original(EventDocument document, Caller caller) {
        if (document.outcome().status() != OutcomeStatus.DUPLICATE) {
            return document;
        }
        return view.recentDocument(document.outcome().duplicateOf())
                .or(() -> view.request(caller.participantId(), caller.clientRequestId()))
                .orElse(document);
    }

    private static void answer(ServerResponse response, Caller caller, EventDocument document) {
        if (document.outcome().status() == OutcomeStatus.REJECTED) {
            Json.send(response, 409, new ErrorBody(document.outcome().code(), document.outcome().message(), caller.clientRequestId()));
        } else {
            Json.send(response, 200, document);
        }
    }

    private static void accepted(ServerResponse response, Caller caller, long index) {
        String location = "/requests/" + caller.clientRequestId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "PENDING");
        body.put("sourceIndex", index);
        body.put("location", location);
        response.header(HeaderNames.LOCATION, location);
        Json.send(response, 202, body);
    }

    private Command parse(ServerRequest request, byte[] body) {
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
        } catch (java.io.IOException e) {
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

    private static String describe(JsonProcessingException e) {
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().getLast().getFieldName() : null;
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String detail = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        return (field == null ? "" : "field '" + field + "': ") + detail;
    }
}
