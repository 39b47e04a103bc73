package fundexchange.registry.tail;

import java.time.Duration;

/**
 * How long a projection pauses after a transient database failure before it tries again: given how many failures in a
 * row it has met (1 after the first). Injectable, so that a test retries at once.
 */
@FunctionalInterface
public interface Backoff {
    /** From 100 ms, doubling per failure in a row, at most 5 s. */
    Backoff DEFAULT = capped(Duration.ofMillis(100), Duration.ofSeconds(5));

    /** The pause after the {@code failures}-th failure in a row ({@code failures >= 1}). */
    Duration delay(int failures);

    /** {@code first} after the first failure, doubling after each further one, never more than {@code max}. */
    static Backoff capped(Duration first, Duration max) {
        if (first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 <= first <= max, got " + first + " and " + max);
        }
        return failures -> {
            if (failures < 1) {
                throw new IllegalArgumentException("failures counts from 1, got " + failures);
            }
            int doublings = Math.min(failures - 1, 40);
            long nanos = first.toNanos();
            for (int i = 0; i < doublings && nanos < max.toNanos(); i++) {
                nanos = nanos * 2;
            }
            return nanos >= max.toNanos() ? max : Duration.ofNanos(nanos);
        };
    }
}
