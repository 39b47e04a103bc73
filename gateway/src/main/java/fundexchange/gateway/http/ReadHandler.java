package fundexchange.gateway.http;

import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.GatewayServices;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A signed read: refused while the key cache is behind a key change already acknowledged (CONTRACTS.md 7); with a
 * {@code minIndex}, answered once its source has applied that index ({@link MinIndex}). The request is checked whole
 * (query, signature, window, nonce, then the endpoint's {@link ReadAccess}) before it may wait, so a request that will
 * be refused is refused at once and never holds one of the source's waiting places.
 */
final class ReadHandler implements Handler {
    /** What a read endpoint answers for an authenticated caller. */
    @FunctionalInterface
    interface Read {
        Object answer(Caller caller, ServerRequest request);
    }

    /** Makes the read handler of one endpoint. */
    @FunctionalInterface
    interface Factory {
        /**
         * The handler of a read answered from {@code source}, whose index a {@code minIndex} waits for, callable by
         * whom {@code access} lets through.
         */
        ReadHandler from(ReadSource source, ReadAccess access, Read read);

        /** As above, open to every authenticated participant (the endpoint filters what it answers). */
        default ReadHandler from(ReadSource source, Read read) {
            return from(source, ReadAccess.ANY, read);
        }

        /** The handler of a read answered from the registry, callable by whom {@code access} lets through. */
        default ReadHandler of(ReadAccess access, Read read) {
            return from(ReadSource.REGISTRY, access, read);
        }

        /** The handler of a read answered from the registry, open to every authenticated participant. */
        default ReadHandler of(Read read) {
            return from(ReadSource.REGISTRY, ReadAccess.ANY, read);
        }
    }

    private final ReadSource source;
    private final ReadAccess access;
    private final Read read;
    private final RequestAuthenticator authenticator;
    private final GatewayServices services;
    private final GatewayConfig config;
    private final AtomicLong pendingKeyChange;
    private final MinIndexWaiters waiters;

    ReadHandler(ReadSource source, ReadAccess access, Read read, RequestAuthenticator authenticator,
                GatewayServices services, GatewayConfig config, AtomicLong pendingKeyChange, MinIndexWaiters waiters) {
        this.source = source;
        this.access = access;
        this.read = read;
        this.waiters = waiters;
        this.authenticator = authenticator;
        this.services = services;
        this.config = config;
        this.pendingKeyChange = pendingKeyChange;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        services.readProblem().ifPresent(problem -> {
            throw new ApiException(503, ApiError.UNAVAILABLE, problem);
        });
        if (services.view().appliedIndex() < pendingKeyChange.get()) {
            throw new ApiException(503, ApiError.KEY_CACHE_BEHIND, "a key change is being applied; retry shortly");
        }
        QueryRules.requireSingle(request);
        byte[] body = RequestBodies.read(request, config.maxBodyBytes());
        Caller caller = authenticator.authenticate(request, body, false);
        access.require(caller, request);
        MinIndex.parse(request).ifPresent(minIndex ->
                MinIndex.await(source, minIndex, services, Duration.ofMillis(config.minIndexWaitMs()), waiters));
        Object answer = read.answer(caller, request);
        if (answer instanceof StreamedBody streamed) {
            response.header(io.helidon.http.HeaderNames.CONTENT_TYPE, streamed.contentType());
            if (streamed.fileName() != null) {
                response.header(io.helidon.http.HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + streamed.fileName() + "\"");
            }
            try (java.io.OutputStream out = response.outputStream()) {
                streamed.writer().writeTo(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            Json.send(response, 200, answer);
        }
    }
}
