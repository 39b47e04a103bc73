package fundexchange.engine;

import fundexchange.engine.reference.PlatformParameters;
import fundexchange.journal.Outcome;
import fundexchange.journal.Windows;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Idempotency memory (CONTRACTS.md 8): {@code (participant, clientRequestId)} to the request's digest and outcome,
 * kept for the retention {@code request-retention-ms} in journal time from the id's first journaling, whatever the
 * client's signed timestamp. Ids live in {@value #GENERATIONS} generations of {@code retention / }{@value #SPLIT}
 * (rounded up) journal time each (aligned to multiples of that length); a generation is dropped whole once journal time reaches
 * its end plus the retention, so every id is kept at least the retention. The memory is pre-sized: each generation's
 * table is allocated, when it opens, for {@code request-memory-capacity / }{@value #GENERATIONS} ids, and a write that
 * finds its generation full is refused ({@link RejectCode#REQUEST_MEMORY_FULL}) instead of anything being forgotten
 * early; a lower capacity bounds the open generations at once, a higher one sizes those opened later. If parameter changes
 * leave no free generation when one is due, the newest stays open longer (ids are then kept longer, never shorter).
 * Within a generation's bound {@code C}, one participant may hold at most {@code C * request-memory-participant-share-bp
 * / 10000} ids (at least 1), and the last {@code C / 100} ids (at least 1) are a reserve only STAFF and REGULATOR
 * participants may use, so oversight can always propose and approve a capacity change (issue 13). The participant-
 * ordinal table is never iterated; {@link #view()} serves snapshots and the state hash (per-participant counts are
 * derived from the records, so they need no place of their own).
 */
final class RequestMemory {
    static final int GENERATIONS = 5;
    static final int SPLIT = GENERATIONS - 1;

    private final ToLongFunction<String> hasher;
    private final HashMap<String, Integer> ordinals = new HashMap<>();
    private final List<String> participants = new ArrayList<>();
    private final ArrayDeque<RequestGeneration> generations = new ArrayDeque<>();

    RequestMemory() {
        this(RequestMemory::hash);
    }

    /** A memory with another id hash (tests force collisions with it). */
    RequestMemory(ToLongFunction<String> hasher) {
        this.hasher = hasher;
    }

    /** The remembered request, if this participant's id is remembered; a hash collision with another id is a miss. */
    Optional<EngineSnapshot.RememberedRequest> find(String participant, String clientRequestId) {
        Integer ordinal = ordinals.get(participant);
        if (ordinal == null) {
            return Optional.empty();
        }
        long hash = hasher.applyAsLong(clientRequestId);
        for (RequestGeneration generation : generations) {
            EngineSnapshot.RememberedRequest found = generation.find(ordinal, hash, clientRequestId);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** Drops, whole, every generation whose end plus the retention is at or before {@code time}. */
    void advance(long time, PlatformParameters parameters) {
        long retention = parameters.requests().retentionMs();
        while (!generations.isEmpty() && Windows.plus(generations.getFirst().end(), retention) <= time) {
            generations.removeFirst();
        }
    }

    /** Whether a new id can be remembered: yes, no as the participant's share is used up, or no as the memory is full. */
    enum Room {
        FREE, PARTICIPANT_SHARE_USED, FULL
    }

    /**
     * Whether an id {@code participant} first journals at {@code time} can be remembered; {@code oversight} (STAFF or
     * REGULATOR) may also use the generation's reserve.
     */
    Room room(long time, PlatformParameters parameters, String participant, boolean oversight) {
        RequestGeneration current = generations.peekLast();
        boolean intoCurrent = current != null && (time < current.end() || generations.size() == GENERATIONS);
        int bound = intoCurrent ? Math.min(current.capacity(), perGeneration(parameters)) : perGeneration(parameters);
        int size = intoCurrent ? current.size() : 0;
        Integer ordinal = ordinals.get(participant);
        int own = intoCurrent && ordinal != null ? current.countOf(ordinal) : 0;
        if (size >= (oversight ? bound : bound - reserve(bound))) {
            return Room.FULL;
        }
        return own >= participantShare(bound, parameters) ? Room.PARTICIPANT_SHARE_USED : Room.FREE;
    }

    /** The ids of a generation bounded at {@code bound} that only oversight may use: 1% of it, at least 1. */
    static int reserve(int bound) {
        return Math.max(1, bound / 100);
    }

    /** The ids of a generation bounded at {@code bound} one participant may hold: its share, at least 1. */
    static int participantShare(int bound, PlatformParameters parameters) {
        return (int) Math.max(1, (long) bound * parameters.requests().participantShareBp() / 10_000);
    }

    static int perGeneration(PlatformParameters parameters) {
        return Math.max(1, parameters.requests().capacity() / GENERATIONS);
    }

    /** A generation's length in journal time: the retention / {@value #SPLIT} rounded up, so 4 lengths cover it. */
    static long generationLength(PlatformParameters parameters) {
        return Math.max(1, Math.ceilDiv(parameters.requests().retentionMs(), SPLIT));
    }

    /** Remembers a request first journaled at {@code time}; call only after {@link #room} said {@link Room#FREE}. */
    void remember(long time, PlatformParameters parameters, String participant, String clientRequestId,
                  String requestDigest, long index, Outcome outcome) {
        int ordinal = ordinals.computeIfAbsent(participant, p -> {
            participants.add(p);
            return participants.size() - 1;
        });
        writable(time, parameters).add(new EngineSnapshot.RememberedRequest(ordinal, clientRequestId, requestDigest,
                index, outcome), hasher.applyAsLong(clientRequestId));
    }

    private RequestGeneration writable(long time, PlatformParameters parameters) {
        RequestGeneration current = generations.peekLast();
        if (current != null && time < current.end()) {
            return current;
        }
        long length = generationLength(parameters);
        long start = Math.floorDiv(time, length) * length;
        long end = Windows.plus(start, length);
        if (generations.size() < GENERATIONS) {
            RequestGeneration opened = new RequestGeneration(start, end, perGeneration(parameters));
            generations.addLast(opened);
            return opened;
        }
        current.extendTo(end);
        return current;
    }

    /** The whole memory as data, oldest generation first, each generation's records in journal order. */
    EngineSnapshot.RequestMemoryState view() {
        List<EngineSnapshot.RequestGenerationState> views = new ArrayList<>();
        for (RequestGeneration g : generations) {
            views.add(new EngineSnapshot.RequestGenerationState(g.start(), g.end(), g.capacity(), List.copyOf(g.records())));
        }
        return new EngineSnapshot.RequestMemoryState(List.copyOf(participants), views);
    }

    /** Restores a {@link #view()} into this empty memory. */
    void restore(EngineSnapshot.RequestMemoryState state) {
        if (!participants.isEmpty() || !generations.isEmpty()) {
            throw new IllegalStateException("restore needs an empty request memory");
        }
        for (String participant : state.participants()) {
            ordinals.put(participant, participants.size());
            participants.add(participant);
        }
        for (EngineSnapshot.RequestGenerationState g : state.generations()) {
            RequestGeneration generation = new RequestGeneration(g.start(), g.end(), g.capacity());
            for (EngineSnapshot.RememberedRequest r : g.records()) {
                Outcome outcome = Outcome.ACCEPTED.equals(r.outcome()) ? Outcome.ACCEPTED : r.outcome();
                generation.add(new EngineSnapshot.RememberedRequest(r.participant(), r.clientRequestId(),
                        r.requestDigest(), r.sourceIndex(), outcome), hasher.applyAsLong(r.clientRequestId()));
            }
            generations.addLast(generation);
        }
    }

    /** A fixed 64-bit hash of an id (FNV-1a over its UTF-16 units, then MurmurHash3's finaliser): deterministic. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
