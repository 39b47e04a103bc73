package fundexchange.gateway.http;

import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.gateway.GatewayServices;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.auth.RequestAuthenticator;
import fundexchange.gateway.stream.StreamHub;
import fundexchange.gateway.stream.StreamSession;
import fundexchange.gateway.view.FeedEntry;
import fundexchange.gateway.view.FeedStore;
import fundexchange.gateway.view.GatewayView;
import fundexchange.gateway.view.KnownKey;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * {@code GET /stream?after=<cursor>}: the caller's feed as a live {@code text/event-stream} (docs/api.md, Live stream),
 * read with {@code fetch()} so that the request can be signed like any read. Events: {@code open}, then {@code feed}
 * pages exactly as {@code GET /feed} answers them (each page whole journal indexes, its {@code id} the cursor to resume
 * from), {@code heartbeat} with the journal index up to which everything of the feed has been sent, and a final
 * {@code closed} carrying {@code {code, message, requestId}} when the server ends the stream.
 */
final class StreamHandler implements Handler {
    /** Feed entries per {@code feed} event at most (a page never splits a journal index). */
    static final int PAGE = 100;
    private static final Pattern CURSOR = Pattern.compile("0|[1-9][0-9]{0,18}");

    private final RequestAuthenticator authenticator;
    private final GatewayServices services;
    private final int maxBodyBytes;
    private final AtomicLong pendingKeyChange;
    private final StreamHub hub;
    private final Clock clock;

    StreamHandler(RequestAuthenticator authenticator, GatewayServices services, int maxBodyBytes,
                  AtomicLong pendingKeyChange, StreamHub hub, Clock clock) {
        this.authenticator = authenticator;
        this.services = services;
        this.maxBodyBytes = maxBodyBytes;
        this.pendingKeyChange = pendingKeyChange;
        this.hub = hub;
        this.clock = clock;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        services.readProblem().ifPresent(problem -> {
            throw new ApiException(503, ApiError.UNAVAILABLE, problem);
        });
        GatewayView view = services.view();
        if (view.appliedIndex() < pendingKeyChange.get()) {
            throw new ApiException(503, ApiError.KEY_CACHE_BEHIND, "a key change is being applied; retry shortly");
        }
        QueryRules.requireSingle(request);
        for (String name : request.query().names()) {
            if (!name.equals("after")) {
                throw ListParams.bad("the stream takes only 'after', not '" + name + "'");
            }
        }
        byte[] body = RequestBodies.read(request, maxBodyBytes);
        Caller caller = authenticator.authenticate(request, body, false);
        // A stream is trading's live view: only an ACTIVE participant opens one (a suspended one reads its feed).
        ReadStanding.ACTIVE.check(view.keys().status(caller.participantId()));
        long cursor = cursor(request);
        String viewer = Viewers.oversight(caller) ? FeedStore.EVERYTHING : caller.participantId();
        StreamSession session;
        try {
            session = hub.open(caller.participantId(), caller.keyId(), viewer, Thread.currentThread());
        } catch (StreamHub.Refused e) {
            throw e.participantCap() ? new ApiException(429, ApiError.STREAM_LIMIT, e.getMessage())
                    : new ApiException(503, ApiError.STREAMS_FULL, e.getMessage());
        }
        response.status(Status.OK_200);
        response.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        // The connection's thread writes the stream; it is not kept alive for another request after it.
        response.header(HeaderNames.CONNECTION, "close");
        try (OutputStream out = response.outputStream()) {
            try {
                new Writer(session, view, out, caller.clientRequestId()).run(cursor);
            } finally {
                // Before the last chunk: a client that sees the stream end finds its place free.
                hub.remove(session);
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away, or the hub cut a slow reader off: nothing more can be sent
        } catch (InterruptedException e) {
            // cut off as a slow reader, or the server stops: the stream ends here, and finish() clears the interrupt
        } finally {
            hub.remove(session); // (again, if the stream never opened: removing twice is harmless)
            session.finish();
        }
    }

    private static long cursor(ServerRequest request) {
        if (!request.query().contains("after")) {
            return 0;
        }
        String value = request.query().get("after");
        if (!CURSOR.matcher(value).matches()) {
            throw ListParams.bad("after must be a non-negative decimal journal index without sign or leading zeros");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ListParams.bad("after must not exceed " + Long.MAX_VALUE);
        }
    }

    /** One stream's loop, on its request thread. */
    private final class Writer {
        private final StreamSession session;
        private final GatewayView view;
        private final OutputStream out;
        private final String requestId;

        Writer(StreamSession session, GatewayView view, OutputStream out, String requestId) {
            this.session = session;
            this.view = view;
            this.out = out;
            this.requestId = requestId;
        }

        void run(long after) throws IOException, InterruptedException {
            long cursor = after;
            Map<String, Object> open = new LinkedHashMap<>();
            open.put("cursor", cursor);
            open.put("index", view.appliedIndex());
            open.put("heartbeatMs", hub.heartbeat().toMillis());
            open.put("participant", session.participantId());
            send("open", null, open);
            while (true) {
                long from = cursor;
                Step step = step(view::appliedIndex, () -> session.closing().or(this::standing),
                        () -> view.feeds().read(session.viewer(), from, PAGE));
                if (step.closing().isPresent()) {
                    StreamSession.Closing closing = step.closing().get();
                    send("closed", null, new ErrorBody(closing.code(), closing.message(), requestId));
                    return;
                }
                long applied = step.applied();
                List<FeedEntry> page = step.page();
                if (!page.isEmpty()) {
                    cursor = page.getLast().sourceIndex();
                    Map<String, Object> feed = new LinkedHashMap<>();
                    feed.put("entries", page);
                    feed.put("cursor", cursor);
                    send("feed", cursor, feed);
                    continue;
                }
                if (session.takeHeartbeat()) {
                    Map<String, Object> beat = new LinkedHashMap<>();
                    beat.put("index", applied);
                    beat.put("cursor", cursor);
                    beat.put("serverTime", clock.millis());
                    send("heartbeat", null, beat);
                }
                session.await();
            }
        }

        /** Why the viewer may read no longer: its key revoked, its participant suspended, or the view halted. */
        private Optional<StreamSession.Closing> standing() {
            if (services.readProblem().isPresent()) {
                return Optional.of(new StreamSession.Closing(503, ApiError.UNAVAILABLE.code(), services.readProblem().get()));
            }
            if (view.keys().status(session.participantId()) != ParticipantStatus.ACTIVE) {
                return Optional.of(new StreamSession.Closing(403, ApiError.PARTICIPANT_SUSPENDED.code(), "participant "
                        + session.participantId() + " is no longer active: the stream ends / 参与者已不再有效，实时流结束"));
            }
            Optional<KnownKey> key = view.keys().key(session.keyId());
            if (key.isEmpty() || key.get().revoked()) {
                return Optional.of(new StreamSession.Closing(401, ApiError.STREAM_KEY_REVOKED.code(), "key "
                        + session.keyId() + " is revoked: the stream ends / 密钥已吊销，实时流结束"));
            }
            return Optional.empty();
        }

        /** One event: {@code event:}, {@code id:} when it moves the cursor, and one line of JSON. */
        private void send(String event, Long id, Object data) throws IOException {
            StringBuilder text = new StringBuilder("event: ").append(event).append('\n');
            if (id != null) {
                text.append("id: ").append(id).append('\n');
            }
            text.append("data: ").append(Json.line(data)).append("\n\n");
            session.writing(hub.tickNow());
            try {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            } finally {
                session.written();
            }
        }
    }

    /** What a stream does next: end with {@code closing}, or send {@code page} (empty: nothing new up to {@code applied}). */
    record Step(Optional<StreamSession.Closing> closing, List<FeedEntry> page, long applied) {
    }

    /**
     * One turn of a stream's loop. The applied index is read first, then the standing: the view updates the key cache
     * before it advances its applied index, so a suspension or key revocation at or below that index is seen by the
     * standing check, and the page is cut at that index, so no entry applied after the check is sent.
     */
    static Step step(java.util.function.LongSupplier appliedIndex,
                     java.util.function.Supplier<Optional<StreamSession.Closing>> standing,
                     java.util.function.Supplier<List<FeedEntry>> read) {
        long applied = appliedIndex.getAsLong();
        Optional<StreamSession.Closing> closing = standing.get();
        if (closing.isPresent()) {
            return new Step(closing, List.of(), applied);
        }
        return new Step(closing, upTo(read.get(), applied), applied);
    }

    /** The entries of journal indexes the view has applied (whole indexes: the page is in journal order). */
    private static List<FeedEntry> upTo(List<FeedEntry> page, long applied) {
        int end = 0;
        while (end < page.size() && page.get(end).sourceIndex() <= applied) {
            end++;
        }
        return end == page.size() ? page : page.subList(0, end);
    }
}
