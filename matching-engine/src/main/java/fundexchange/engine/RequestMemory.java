package fundexchange.engine;

import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.protocol.Windows;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Idempotency memory (CONTRACTS.md 8): which {@code (participant, clientRequestId)} were first journaled at which
 * index, kept for the retention {@code request-retention-ms} in journal time from the id's first journaling, whatever
 * the client's signed timestamp. Per id it keeps only the participant's ordinal, a 64-bit hash of the id
 * ({@link IdHasher}) and the journal index ({@link RequestGeneration}: {@value RequestGeneration#BYTES_PER_ID} bytes an
 * id); the id itself, the request digest and the outcome are read back from the journals on a hit
 * ({@link JournaledRequests}). Ids live in {@value #GENERATIONS} generations of {@code retention / }{@value #SPLIT}
 * (rounded up) journal time each (aligned to multiples of that length); a generation is dropped whole once journal
 * time reaches its end plus the retention, so every id is kept at least the retention. If parameter changes leave no
 * free generation when one is due, the newest stays open longer (ids are then kept longer, never shorter).
 *
 * <p>The memory is pre-sized: all {@value #GENERATIONS} generations' arrays, for {@code request-memory-capacity /
 * }{@value #GENERATIONS} ids each, are allocated when the memory is made and reused as a ring; a capacity change
 * allocates the new size while its approval is decided ({@link #prepare}), before any state changes, and takes effect
 * for the generations opened after it ({@link #resize}); a lower capacity also bounds the open generations at once.
 * Remembering an id never allocates. A write that finds its generation full is refused
 * ({@link RejectCode#REQUEST_MEMORY_FULL}) instead of anything being forgotten early. Within a generation's bound
 * {@code C}, one participant may hold at most {@code C * request-memory-participant-share-bp / 10000} ids (at least
 * 1), and the last {@code C / 100} ids (at least 1) are a reserve only STAFF and REGULATOR participants may use, so
 * oversight can always propose and approve a capacity change (issue 13).
 */
final class RequestMemory {
    static final int GENERATIONS = 5;
    static final int SPLIT = GENERATIONS - 1;

    private RequestMemoryKey key;
    private final RequestOrdinals ordinals = new RequestOrdinals();
    private final ArrayDeque<RequestGeneration> live = new ArrayDeque<>(GENERATIONS + 1);
    /** Empty generations of {@link #allocated} ids; with the live ones of that size, always {@value #GENERATIONS}. */
    private final ArrayDeque<RequestGeneration> spare = new ArrayDeque<>(GENERATIONS + 1);
    private int allocated;
    /** Generations allocated for a capacity change being approved, and the size they have. */
    private List<RequestGeneration> prepared = List.of();
    private int preparedSize;

    /** A memory for {@code parameters}' capacity, all its generations allocated now, placing ids under {@code key}. */
    RequestMemory(RequestMemoryKey key, PlatformParameters parameters) {
        this.key = java.util.Objects.requireNonNull(key, "request memory key");
        this.allocated = perGeneration(parameters);
        for (int i = 0; i < GENERATIONS; i++) {
            spare.push(new RequestGeneration(allocated, 0));
        }
    }

    /** Places ids under {@code nodeKey} from now on; only while the memory holds no generation. */
    void placeUnder(RequestMemoryKey nodeKey) {
        if (!live.isEmpty()) {
            throw new IllegalStateException("the request memory's key is set before it holds ids");
        }
        this.key = java.util.Objects.requireNonNull(nodeKey, "request memory key");
    }

    /**
     * The journal index at which {@code participant} first journaled an id with {@code idHash} that {@code sameId}
     * confirms (by the journaled record at that index), or 0.
     */
    long find(String participant, long idHash, LongPredicate sameId) {
        int ordinal = ordinals.of(participant);
        if (ordinal < 0) {
            return 0;
        }
        for (RequestGeneration generation : live) {
            long found = generation.find(ordinal, idHash, sameId);
            if (found != 0) {
                return found;
            }
        }
        return 0;
    }

    /** Drops, whole, every generation whose end plus the retention is at or before {@code time}. */
    void advance(long time, PlatformParameters parameters) {
        long retention = parameters.requests().retentionMs();
        while (!live.isEmpty() && Windows.plus(live.getFirst().end(), retention) <= time) {
            RequestGeneration dropped = live.removeFirst();
            if (dropped.capacity() == allocated) {
                dropped.clear();
                spare.push(dropped);
            }
        }
    }

    /** Whether a new id can be remembered: yes, no as the participant's share is used up, or no as the memory is full. */
    enum Room {
        FREE, PARTICIPANT_SHARE_USED, FULL
    }

    /**
     * Whether an id {@code participant} first journals at {@code time} can be remembered; {@code oversight} (STAFF or
     * REGULATOR) may also use the generation's reserve. Called while the command is decided: when the participant
     * has no ordinal yet, it makes room for one, so that {@link #remember} allocates nothing.
     */
    Room room(long time, PlatformParameters parameters, String participant, boolean oversight) {
        RequestGeneration current = live.peekLast();
        boolean intoCurrent = current != null && (time < current.end() || live.size() == GENERATIONS);
        int bound = intoCurrent ? Math.min(current.capacity(), perGeneration(parameters)) : perGeneration(parameters);
        int size = intoCurrent ? current.size() : 0;
        int ordinal = ordinals.of(participant);
        int own = intoCurrent && ordinal >= 0 ? current.countOf(ordinal) : 0;
        if (size >= (oversight ? bound : bound - reserve(bound))) {
            return Room.FULL;
        }
        if (own >= participantShare(bound, parameters)) {
            return Room.PARTICIPANT_SHARE_USED;
        }
        if (ordinal < 0) {
            ordinals.reserveOne();
            live.forEach(g -> g.reserveOrdinals(ordinals.size() + 1));
            spare.forEach(g -> g.reserveOrdinals(ordinals.size() + 1));
        }
        return Room.FREE;
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

    /**
     * Remembers an id first journaled at {@code index} and {@code time}; call only after {@link #room} said
     * {@link Room#FREE} for it. Allocates nothing.
     */
    void remember(long time, PlatformParameters parameters, String participant, long idHash, long index) {
        int ordinal = ordinals.assign(participant);
        writable(time, parameters).add(ordinal, idHash, index);
    }

    private RequestGeneration writable(long time, PlatformParameters parameters) {
        RequestGeneration current = live.peekLast();
        if (current != null && time < current.end()) {
            return current;
        }
        long length = generationLength(parameters);
        long start = Math.floorDiv(time, length) * length;
        long end = Windows.plus(start, length);
        if (live.size() < GENERATIONS) {
            RequestGeneration opened = spare.pop();
            opened.open(start, end, key);
            live.addLast(opened);
            return opened;
        }
        current.extendTo(end);
        return current;
    }

    /**
     * Allocates, while a change to {@code next} parameters is decided and before anything changes, the generations a
     * new capacity needs; {@link #resize} then takes them without allocating. Nothing when the capacity stays.
     */
    void prepare(PlatformParameters next) {
        int size = perGeneration(next);
        if (size == allocated) {
            return;
        }
        int keep = (int) live.stream().filter(g -> g.capacity() == size).count();
        List<RequestGeneration> fresh = new ArrayList<>(GENERATIONS);
        for (int i = keep; i < GENERATIONS; i++) {
            fresh.add(new RequestGeneration(size, ordinals.size() + 1));
        }
        prepared = fresh;
        preparedSize = size;
    }

    /** Makes the generations opened from now on those of {@code parameters}' capacity, as {@link #prepare}d. */
    void resize(PlatformParameters parameters) {
        int size = perGeneration(parameters);
        if (size == allocated) {
            return;
        }
        if (preparedSize != size) {
            throw new IllegalStateException("request memory capacity " + size + " was not prepared");
        }
        spare.clear();
        prepared.forEach(spare::push);
        prepared = List.of();
        preparedSize = 0;
        allocated = size;
    }

    /** The whole memory as data, oldest generation first, each generation's ids in journal order. */
    EngineSnapshot.RequestMemoryState view() {
        List<EngineSnapshot.RequestGenerationState> views = new ArrayList<>();
        for (RequestGeneration g : live) {
            ByteBuffer entries = ByteBuffer.allocate(g.size() * EngineSnapshot.RequestGenerationState.ENTRY_BYTES);
            for (int i = 0; i < g.size(); i++) {
                entries.putInt(g.participantAt(i)).putLong(g.hashAt(i)).putLong(g.indexAt(i));
            }
            views.add(new EngineSnapshot.RequestGenerationState(g.start(), g.end(), g.capacity(),
                    Base64.getEncoder().encodeToString(entries.array())));
        }
        return new EngineSnapshot.RequestMemoryState(ordinals.names(), views);
    }

    /** Restores a {@link #view()} into this empty memory, for {@code parameters}' capacity, reusing what it can. */
    void restore(EngineSnapshot.RequestMemoryState state, PlatformParameters parameters) {
        if (ordinals.size() != 0 || !live.isEmpty()) {
            throw new IllegalStateException("restore needs an empty request memory");
        }
        for (String participant : state.participants()) {
            ordinals.reserveOne();
            ordinals.assign(participant);
        }
        int ordinalRoom = ordinals.size() + 1;
        for (EngineSnapshot.RequestGenerationState g : state.generations()) {
            RequestGeneration generation = spare.isEmpty() || spare.peek().capacity() != g.capacity()
                    ? new RequestGeneration(g.capacity(), ordinalRoom) : spare.pop();
            generation.reserveOrdinals(ordinalRoom);
            generation.open(g.start(), g.end(), key);
            for (EngineSnapshot.RememberedRequest r : g.records()) {
                generation.add(r.participant(), r.idHash(), r.sourceIndex());
            }
            live.addLast(generation);
        }
        int size = perGeneration(parameters);
        if (size != allocated) {
            spare.clear();
            allocated = size;
        }
        long current = live.stream().filter(g -> g.capacity() == allocated).count();
        while (spare.size() + current > GENERATIONS) {
            spare.pop();
        }
        while (spare.size() + current < GENERATIONS) {
            spare.push(new RequestGeneration(allocated, ordinalRoom));
        }
        spare.forEach(g -> g.reserveOrdinals(ordinalRoom));
    }

    /** The bytes the generations' arrays take (live, spare and prepared), for sizing (docs/operations.md). */
    long bytes() {
        long bytes = 0;
        for (RequestGeneration g : live) {
            bytes += g.bytes();
        }
        for (RequestGeneration g : spare) {
            bytes += g.bytes();
        }
        for (RequestGeneration g : prepared) {
            bytes += g.bytes();
        }
        return bytes;
    }

    /** The journal index of the oldest id it holds, or {@link Long#MAX_VALUE} when it holds none. */
    long oldestIndex() {
        for (RequestGeneration g : live) {
            if (g.size() > 0) {
                return g.indexAt(0);
            }
        }
        return Long.MAX_VALUE;
    }

    /** The generations holding ids, oldest first (tests look at their probe runs). */
    List<RequestGeneration> live() {
        return List.copyOf(live);
    }

    /** For tests: the hash an id is kept under ({@link IdHasher}), with a hasher of its own. */
    static long idHash(String clientRequestId) {
        return new IdHasher().hash(clientRequestId);
    }
}
