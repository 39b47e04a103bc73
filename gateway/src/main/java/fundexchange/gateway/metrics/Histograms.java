package fundexchange.gateway.metrics;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.service.registry.Services;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Registers the gateway's latency histograms (Prometheus {@code _seconds} histograms with fixed buckets, aggregable
 * across nodes with {@code histogram_quantile}) in the global registry.
 */
final class Histograms {
    private Histograms() {
    }

    static Timer timer(String name, String description, Duration[] buckets, Tag... tags) {
        return Services.get(MeterRegistry.class).getOrCreate(Timer.builder(name)
                .description(description)
                .buckets(buckets)
                .percentiles(new double[0]) // buckets only: no client-side quantiles in a histogram family
                .tags(List.of(tags)));
    }

    /** Bucket bounds in seconds. */
    static Duration[] seconds(double... bounds) {
        return Arrays.stream(bounds).mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);
    }
}
