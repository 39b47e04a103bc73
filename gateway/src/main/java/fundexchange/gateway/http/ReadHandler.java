package fundexchange.gateway.http;

import fundexchange.protocol.reference.ParticipantStatus;
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
 * A signed read: answered only to callers whose status its {@link ReadStanding} allows (a caller that is not ACTIVE
 * reads without its oversight roles); refused while the key cache is behind a key change already acknowledged (CONTRACTS.md 7); with a
 * {@code minIndex}, answered once its source has applied that index ({@link MinIndex}). The request is checked whole
 * (query, signature, window, nonce, then the endpoint's {@link ReadAccess}) before it may wait, so a request that will
 * be refused is refused at once and never holds one of the source's waiting places; the caller's standing and access
 * are checked again after the wait, so a participant suspended while its read waited is answered as suspended.
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
         * The handler of a read answered from {@code source}, whose index a {@code minIndex} waits for, to callers whose
         * status {@code standing} allows and whom {@code access} lets through.
         */
        ReadHandler from(ReadSource source, ReadStanding standing, ReadAccess access, Read read);

        /** As above, to ACTIVE callers. */
        default ReadHandler from(ReadSource source, ReadAccess access, Read read) {
            return from(source, ReadStanding.ACTIVE, access, read);
        }

        /** As above, open to every ACTIVE participant (the endpoint filters what it answers). */
        default ReadHandler from(ReadSource source, Read read) {
            return from(source, ReadStanding.ACTIVE, ReadAccess.ANY, read);
        }

        /** The handler of a read answered from the registry to ACTIVE callers {@code access} lets through. */
        default ReadHandler of(ReadAccess access, Read read) {
            return from(ReadSource.REGISTRY, ReadStanding.ACTIVE, access, read);
        }

        /** The handler of a read answered from the registry, open to every ACTIVE participant. */
        default ReadHandler of(Read read) {
            return from(ReadSource.REGISTRY, ReadStanding.ACTIVE, ReadAccess.ANY, read);
        }

        /** A read of the caller's own obligations from the registry: ACTIVE and SUSPENDED callers. */
        default ReadHandler obligations(ReadAccess access, Read read) {
            return from(ReadSource.REGISTRY, ReadStanding.OBLIGATIONS, access, read);
        }

        /** A read of the caller's own standing from the registry: every registered caller, PENDING included. */
        default ReadHandler standing(ReadAccess access, Read read) {
            return from(ReadSource.REGISTRY, ReadStanding.STANDING, access, read);
        }
    }

    private final ReadSource source;
    private final ReadStanding standing;
    private final ReadAccess access;
    private final Read read;
    private final RequestAuthenticator authenticator;
    private final GatewayServices services;
    private final GatewayConfig config;
    private final AtomicLong pendingKeyChange;
    private final MinIndexWaiters waiters;

    ReadHandler(ReadSource source, ReadStanding standing, ReadAccess access, Read read, RequestAuthenticator authenticator,
                GatewayServices services, GatewayConfig config, AtomicLong pendingKeyChange, MinIndexWaiters waiters) {
        this.source = source;
        this.standing = standing;
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
        Caller signer = authenticator.authenticate(request, body, false);
        Caller caller = standing(signer, request);
        java.util.OptionalLong minIndex = MinIndex.parse(request);
        if (minIndex.isPresent()) {
            MinIndex.await(source, minIndex.getAsLong(), services, Duration.ofMillis(config.minIndexWaitMs()), waiters,
                    signer.participantId());
            caller = standing(signer, request); // the status may have changed while the read waited
        }
        Object answer = read.answer(caller, request);
        if (answer instanceof StreamedBody streamed) {
            response.header(io.helidon.http.HeaderNames.CONTENT_TYPE, streamed.contentType());
            if (streamed.fileName() != null) {
                response.header(io.helidon.http.HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + streamed.fileName() + "\"");
            }
            if (streamed.confidential()) {
                response.header(io.helidon.http.HeaderNames.CACHE_CONTROL, "no-store");
                response.header(io.helidon.http.HeaderNames.create("X-Content-Type-Options"), "nosniff");
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

    /**
     * {@code signer} as this read answers it now: refused unless its current status and the endpoint's access let it
     * through, without its oversight roles unless ACTIVE. Checked before a {@code minIndex} wait and again after it.
     */
    private Caller standing(Caller signer, ServerRequest request) {
        ParticipantStatus status = services.view().keys().status(signer.participantId());
        standing.check(status);
        if (status != ParticipantStatus.ACTIVE && signer.has(fundexchange.protocol.reference.Role.BANK)
                && standing != ReadStanding.STANDING) {
            throw new ApiException(403, ApiError.PARTICIPANT_SUSPENDED, "the settlement bank reads its queue only while"
                    + " ACTIVE: you may read only your own participant record / 结算银行仅在有效状态下可查询其队列："
                    + "您只能查询自身参与者记录");
        }
        Caller caller = status == ParticipantStatus.ACTIVE ? signer : signer.withoutOversight();
        access.require(caller, request);
        return caller;
    }
}
