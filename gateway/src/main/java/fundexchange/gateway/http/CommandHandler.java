package fundexchange.gateway.http;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.GatewayServices;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.journal.RequestRoute;
import fundexchange.protocol.SignedRequest;
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
 * Handles one write endpoint, as its command's specification says (roles, body, whether it may change a key): verify,
 * parse, append through the sequencer, then answer with the event document of
 * the appended index, or 202 with {@code /requests/{clientRequestId}} if it is not decided in time (CONTRACTS.md 7, 9).
 */
final class CommandHandler implements Handler {
    /** The journal index of the request's own command, on every answer after the append (200, 202, 409). */
    static final String JOURNAL_INDEX = "X-Journal-Index";

    private final RequestRoute route;
    private final RequestAuthenticator authenticator;
    private final GatewayServices services;
    private final GatewayConfig config;
    private final AtomicLong pendingKeyChange;

    CommandHandler(RequestRoute route, RequestAuthenticator authenticator, GatewayServices services,
                   GatewayConfig config, AtomicLong pendingKeyChange) {
        this.route = route;
        this.authenticator = authenticator;
        this.services = services;
        this.config = config;
        this.pendingKeyChange = pendingKeyChange;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        services.writeProblem().ifPresent(problem -> {
            throw new ApiException(503, ApiError.UNAVAILABLE, problem);
        });
        QueryRules.requireSingle(request);
        byte[] body = RequestBodies.read(request, config.maxBodyBytes());
        Caller caller = authenticator.authenticate(request, body, true);
        Set<Role> roles = route.endpoint().roles();
        if (roles.stream().noneMatch(caller::has)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "this endpoint needs one of the roles " + roles);
        }
        Command command = CommandParser.parse(route, request, body);
        DataRoomEndpoints.requireStored(services.dataRoom(), caller, command);
        SignedRequest signed = new SignedRequest(caller.participantId(), caller.keyId(), caller.algorithm(),
                caller.signature(), caller.timestamp(), caller.clientRequestId(), caller.method(), caller.path(),
                caller.query(), caller.bodyDigest(), RequestBodies.utf8(body), caller.scheme().tag());
        long index = append(signed, command);
        EventDocument document;
        try {
            document = services.view().documentAt(index).get(config.responseTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            services.view().forget(index);
            if (route.spec().keyChanging()) {
                pendingKeyChange.accumulateAndGet(index, Math::max);
            }
            pending(response, caller, index);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending(response, caller, index);
            return;
        } catch (ExecutionException e) {
            throw new ApiException(500, ApiError.INTERNAL, "could not read the outcome of index " + index);
        }
        answer(response, caller, index, document);
    }

    private long append(SignedRequest signed, Command command) {
        try {
            return services.sequencer().submit(signed, command).get(config.responseTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, ApiError.UNAVAILABLE, "interrupted; the command may have been journaled:"
                    + " retry with the same clientRequestId, which never takes a second effect");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(503, ApiError.UNAVAILABLE, "not acknowledged; the command may still be journaled:"
                    + " retry with the same clientRequestId, which never takes a second effect");
        }
    }

    /**
     * Answers with the document of the appended index, shaped for the caller. A repeat of an earlier request answers
     * with the original document, and says so in {@code X-Duplicate-Of}; {@code X-Journal-Index} (and its older name
     * {@code X-Source-Index}) is the repeat's own index, a {@code minIndex} that sees the original's effects too.
     * A rejection is 409, except a full request memory (1012), which is 503: nothing was done and the same request
     * may be sent again later.
     */
    private void answer(ServerResponse response, Caller caller, long index, EventDocument document) {
        response.header(HeaderNames.create(JOURNAL_INDEX), Long.toString(index));
        response.header(HeaderNames.create("X-Source-Index"), Long.toString(index));
        EventDocument answered = document;
        if (document.outcome().status() == OutcomeStatus.DUPLICATE) {
            response.header(HeaderNames.create("X-Duplicate-Of"), Long.toString(document.outcome().duplicateOf()));
            answered = services.view().recentDocument(document.outcome().duplicateOf())
                    .or(() -> services.view().request(caller.participantId(), caller.clientRequestId()))
                    .orElse(document);
        }
        if (answered.outcome().status() == OutcomeStatus.REJECTED
                || (answered.outcome().status() == OutcomeStatus.DUPLICATE && answered.outcome().reason() != null)) {
            int status = answered.outcome().code() == RejectCode.REQUEST_MEMORY_FULL.code() ? 503 : 409;
            Json.send(response, status, new ErrorBody(answered.outcome().code(), answered.outcome().message(), caller.clientRequestId()));
        } else if (!DataRoomEndpoints.repeatServes(document, answered)
                || !DataRoomEndpoints.servedOpening(services, response, caller, answered)) {
            Json.send(response, 200, DocumentShaper.forCaller(answered, caller));
        }
    }

    private static void pending(ServerResponse response, Caller caller, long index) {
        String location = "/requests/" + caller.clientRequestId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "PENDING");
        body.put("sourceIndex", index);
        body.put("location", location);
        response.header(HeaderNames.LOCATION, location);
        response.header(HeaderNames.create(JOURNAL_INDEX), Long.toString(index));
        Json.send(response, 202, body);
    }
}
