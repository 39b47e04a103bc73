package fundexchange.engine;

import fundexchange.journal.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Idempotency memory (CONTRACTS.md 8): (participant, clientRequestId) -> body digest and outcome, kept until the
 * command time passes the signed timestamp plus the window W. Lookups go to a hash map that is never iterated; the
 * sorted {@link #view()} serves snapshots and the state hash.
 */
final class RequestMemory {
    record Remembered(String bodyDigest, long sourceIndex, long forgetAfter, Outcome outcome) {
    }

    private final HashMap<String, Remembered> byRequest = new HashMap<>();
    private final TreeMap<Long, List<String>> byExpiry = new TreeMap<>();

    static String key(String participant, String clientRequestId) {
        return participant + "\u0000" + clientRequestId;
    }

    Optional<Remembered> find(String participant, String clientRequestId) {
        return Optional.ofNullable(byRequest.get(key(participant, clientRequestId)));
    }

    void remember(String participant, String clientRequestId, Remembered remembered) {
        restore(key(participant, clientRequestId), remembered);
    }

    void restore(String key, Remembered remembered) {
        byRequest.put(key, remembered);
        byExpiry.computeIfAbsent(remembered.forgetAfter(), t -> new ArrayList<>()).add(key);
    }

    /** Forgets every request whose keep-until time is before {@code time}. */
    void forgetBefore(long time) {
        while (!byExpiry.isEmpty() && byExpiry.firstKey() < time) {
            Map.Entry<Long, List<String>> expired = byExpiry.pollFirstEntry();
            for (String key : expired.getValue()) {
                Remembered remembered = byRequest.get(key);
                if (remembered != null && remembered.forgetAfter() == expired.getKey()) {
                    byRequest.remove(key);
                }
            }
        }
    }

    /** Every remembered request in key order (a copy). */
    TreeMap<String, Remembered> view() {
        return new TreeMap<>(byRequest);
    }
}
