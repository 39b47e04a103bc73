package fundexchange.gateway.metrics;

import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.concurrent.TimeUnit;

/**
 * Times every request on the public listener, from routing to the answer sent (a live stream: to its end), into
 * {@code exchange_http_request_duration_seconds{route_class, status_class}}: every series registered up front, so a
 * request costs two clock reads, a callback and a histogram update.
 */
public final class RequestTimers implements Filter {
    /** Bucket bounds: 1 ms to 30 s. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    /** Status classes 1xx to 5xx. */
    private static final int CLASSES = 5;
    private final Timer[][] timers = new Timer[RouteClass.values().length][CLASSES];

    public RequestTimers() {
        for (RouteClass route : RouteClass.values()) {
            for (int status = 1; status <= CLASSES; status++) {
                timers[route.ordinal()][status - 1] = Histograms.timer("exchange_http_request_duration_seconds",
                        "time to answer a request on the public listener, by route class and status class",
                        Histograms.seconds(BUCKETS), Tag.create("route_class", route.label()),
                        Tag.create("status_class", status + "xx"));
            }
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long started = System.nanoTime();
        Timer[] byStatus = timers[RouteClass.of(request.prologue().method(), request.path().path()).ordinal()];
        // When sent, not when the chain returns: an error handler answers after the exception left the chain.
        response.whenSent(() -> byStatus[Math.clamp(response.status().code() / 100, 1, CLASSES) - 1]
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        chain.proceed();
    }
}
