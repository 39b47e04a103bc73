package fundexchange.protocol.reference;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The idempotency memory's parameters (CONTRACTS.md 8, docs/rules.md), part of {@link PlatformParameters}.
 *
 * @param retentionMs how long, in journal time from its first journaling, a {@code (participant, clientRequestId)} is
 *                    remembered at least; never less than twice the window W
 * @param capacity    how many request ids the memory holds at most (pre-sized); a write that would exceed it is
 *                    refused with {@code REQUEST_MEMORY_FULL} rather than any id forgotten early
 * @param participantShareBp the share of a generation's capacity, in basis points (1 to 10000), one participant's ids
 *                    may take at most; beyond it only that participant's new writes are refused
 */
public record RequestParameters(long retentionMs, int capacity, int participantShareBp) {
    public static final int DEFAULT_PARTICIPANT_SHARE_BP = 1_000;
    public static final RequestParameters DEFAULTS = new RequestParameters(1_200_000L, 2_000_000);
    /** The parameters' names, as {@code SetPlatformParameter} takes them. */
    public static final Set<String> NAMES = Set.copyOf(DEFAULTS.values().keySet());
    static final int MIN_CAPACITY = 1_000;
    static final int MAX_CAPACITY = 50_000_000;
    private static final long MAX_RETENTION_MS = 30L * 24 * 3_600_000L;
    private static final int MAX_SHARE_BP = 10_000;

    /** An absent share (snapshots written before it existed) is the default. */
    public RequestParameters {
        participantShareBp = participantShareBp == 0 ? DEFAULT_PARTICIPANT_SHARE_BP : participantShareBp;
    }

    /** Parameters with the default participant share. */
    public RequestParameters(long retentionMs, int capacity) {
        this(retentionMs, capacity, DEFAULT_PARTICIPANT_SHARE_BP);
    }

    /** Every parameter by name, as {@code SetPlatformParameter} takes its value. */
    public SortedMap<String, String> values() {
        SortedMap<String, String> values = new TreeMap<>();
        values.put("request-retention-ms", Long.toString(retentionMs));
        values.put("request-memory-capacity", Integer.toString(capacity));
        values.put("request-memory-participant-share-bp", Integer.toString(participantShareBp));
        return values;
    }

    /** Returns these parameters with one changed, or throws IllegalArgumentException naming the problem. */
    RequestParameters with(String name, String value) {
        return switch (name) {
            case "request-retention-ms" -> new RequestParameters(PlatformParameters.parse(name, value, 2, MAX_RETENTION_MS),
                    capacity, participantShareBp);
            case "request-memory-capacity" -> new RequestParameters(retentionMs,
                    Math.toIntExact(PlatformParameters.parse(name, value, MIN_CAPACITY, MAX_CAPACITY)), participantShareBp);
            case "request-memory-participant-share-bp" -> new RequestParameters(retentionMs, capacity,
                    Math.toIntExact(PlatformParameters.parse(name, value, 1, MAX_SHARE_BP)));
            default -> throw new IllegalArgumentException("unknown platform parameter " + name);
        };
    }
}
