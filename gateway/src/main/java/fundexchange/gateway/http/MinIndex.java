package fundexchange.gateway.http;

import fundexchange.gateway.GatewayServices;
import fundexchange.registry.tail.TailLoop;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A read's optional {@code minIndex} (read your writes): the read is answered only once its {@link ReadSource} has
 * applied that journal index, waiting at most the gateway's {@code minIndexWaitMs}, else 503 with code 114. The value is
 * a canonical non-negative decimal (no sign, no leading zeros) that fits a {@code long}, given at most once. A read
 * whose index is not reached yet takes one of its source's places in {@link MinIndexWaiters} while it waits, or is
 * refused at once (503, code 135) when they are all taken, or (429, code 138) when its participant's reads already
 * take {@code ReadLimits.minIndexWaitersPerParticipant} places; the wait parks on the source's {@code IndexWaiters}, never
 * on a monitor.
 */
final class MinIndex {
    static final String PARAMETER = "minIndex";
    private static final Pattern CANONICAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    private MinIndex() {
    }

    /** The request's minIndex, if it has one; 400 naming the parameter if it is repeated or not canonical. */
    static OptionalLong parse(ServerRequest request) {
        if (!request.query().contains(PARAMETER)) {
            return OptionalLong.empty();
        }
        List<String> values = request.query().all(PARAMETER);
        if (values.size() != 1) {
            throw ListParams.bad(PARAMETER + " must be given once");
        }
        String value = values.getFirst();
        if (!CANONICAL.matcher(value).matches()) {
            throw ListParams.bad(PARAMETER + " must be a non-negative decimal journal index without sign or leading zeros");
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw ListParams.bad(PARAMETER + " must not exceed " + Long.MAX_VALUE);
        }
    }

    /**
     * Waits until {@code source} has applied {@code minIndex}; 503 code 114 if it has not within {@code wait}, and at
     * once if {@code minIndex} is beyond the next index the sequencer will append: no write was ever answered with
     * it, and a read must not hold a thread waiting for an index that may never come.
     */
    static void await(ReadSource source, long minIndex, GatewayServices services, Duration wait,
                      MinIndexWaiters waiters, String participant) {
        if (source == ReadSource.NONE) {
            throw ListParams.bad(PARAMETER + " is only accepted by reads of projected state");
        }
        long appended = services.sequencer().lastIndex();
        if (minIndex > appended + 1) {
            throw new ApiException(503, ApiError.MIN_INDEX_NOT_REACHED, source.label() + " is at index "
                    + index(source, services) + " and did not reach minIndex " + minIndex + ": the journal ends at index "
                    + appended + ", so no write was answered with it");
        }
        if (index(source, services) >= minIndex) {
            return;
        }
        switch (waiters.enter(source, participant)) {
            case ENTERED -> {
            }
            case SOURCE_FULL -> throw new ApiException(503, ApiError.MIN_INDEX_WAITERS_FULL, waiters.capacity()
                    + " reads of " + source.label() + " already wait for their minIndex; retry later");
            case PARTICIPANT_FULL -> throw new ApiException(429, ApiError.MIN_INDEX_WAITERS_PER_PARTICIPANT,
                    waiters.perParticipant() + " of your reads already wait for their minIndex; wait for their"
                            + " answers before sending more");
        }
        boolean reached;
        try {
            reached = reach(source, minIndex, services, wait);
        } finally {
            waiters.leave(source, participant);
        }
        if (!reached) {
            throw new ApiException(503, ApiError.MIN_INDEX_NOT_REACHED, source.label() + " is at index "
                    + index(source, services) + " and did not reach minIndex " + minIndex + " within " + wait.toMillis()
                    + " ms; retry later with the same minIndex");
        }
    }

    private static boolean reach(ReadSource source, long minIndex, GatewayServices services, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        return switch (source) {
            case VIEW -> services.view().awaitIndex(minIndex, wait);
            case REGISTRY -> services.view().awaitIndex(minIndex, wait) && projected(services.projector(), minIndex, deadline);
            case AUDIT_INDEX -> projected(services.auditTailer(), minIndex, deadline);
            case NONE -> false;
        };
    }

    private static boolean projected(TailLoop projection, long minIndex, long deadline) {
        return projection.awaitIndex(minIndex, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    private static long index(ReadSource source, GatewayServices services) {
        return switch (source) {
            case VIEW -> services.view().appliedIndex();
            case REGISTRY -> Math.min(services.view().appliedIndex(), services.projector().watermark());
            case AUDIT_INDEX -> services.auditTailer().watermark();
            case NONE -> 0;
        };
    }
}
