package fundexchange.gateway.stream;

import java.time.Duration;

/**
 * What the live event streams ({@code GET /stream}, docs/api.md "Live stream") may hold (docs/operations.md).
 *
 * @param perParticipant streams one participant may hold open at once (one per browser, shared by its tabs); one
 *                       more is refused with 429 and code 160
 * @param total          streams the gateway holds at once; the effective cap is also at most half the public
 *                       listener's connections, so streams never take the connections requests need; one more is
 *                       refused with 503 and code 161
 * @param heartbeat      how often each stream is sent a heartbeat (at most half the listener's idle timeout is used)
 * @param scheduled      whether the gateway sends the heartbeats on its own timer; tests send them with
 *                       {@link StreamHub#tick()} instead ({@link #manualHeartbeats()})
 */
public record StreamLimits(int perParticipant, int total, Duration heartbeat, boolean scheduled) {
    public static final StreamLimits DEFAULTS = new StreamLimits(4, 500, Duration.ofSeconds(5), true);

    public StreamLimits {
        if (perParticipant < 1 || total < 1 || heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("gateway: invalid stream limits " + perParticipant + ", " + total + ", "
                    + heartbeat);
        }
    }

    /** These limits with {@code perParticipant} and {@code total} streams. */
    public StreamLimits withCaps(int newPerParticipant, int newTotal) {
        return new StreamLimits(newPerParticipant, newTotal, heartbeat, scheduled);
    }

    /** These limits with heartbeats sent every {@code interval}. */
    public StreamLimits withHeartbeat(Duration interval) {
        return new StreamLimits(perParticipant, total, interval, scheduled);
    }

    /** These limits with heartbeats sent only by {@link StreamHub#tick()} (deterministic tests). */
    public StreamLimits manualHeartbeats() {
        return new StreamLimits(perParticipant, total, heartbeat, false);
    }
}
