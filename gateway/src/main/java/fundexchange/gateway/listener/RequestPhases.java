package fundexchange.gateway.listener;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

/** Tells a connection's {@link RequestClock} where its requests are, from Helidon's HTTP/1 listener callbacks. */
final class RequestPhases {
    /** Received: a request line, then a complete head. */
    static final Http1ConnectionListener RECEIVED = new Http1ConnectionListener() {
        @Override
        public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
            clock(ctx).prologue();
        }

        @Override
        public void headers(ConnectionContext ctx, Headers headers) {
            clock(ctx).headComplete();
        }
    };
    /** Sent: an answer's status line (every answer has one, Helidon's own refusals too). */
    static final Http1ConnectionListener SENT = new Http1ConnectionListener() {
        @Override
        public void status(ConnectionContext ctx, Status status) {
            if (status.code() >= 200) {
                clock(ctx).answered();
            }
        }
    };

    private RequestPhases() {
    }

    private static RequestClock clock(ConnectionContext ctx) {
        if (ctx instanceof GuardedContext guarded) {
            return guarded.clock();
        }
        throw new IllegalStateException("gateway: a connection outside the guarded listener");
    }
}
