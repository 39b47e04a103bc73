package fundexchange.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.gateway.auth.NonceMemory.Use;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The read-nonce memory is bounded: it holds at most its capacity, refuses a new nonce rather than forget one still
 * inside its window, and makes room only from nonces whose window has passed.
 */
class NonceMemoryTest {
    private static final KeyedHash HASH = new KeyedHash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);

    @Test
    void aNonceIsRefusedAsRepeatedUntilItsWindowPassesAndAcceptedAgainAfter() {
        NonceMemory memory = new NonceMemory(4, HASH);
        assertEquals(List.of(Use.FIRST, Use.REPEATED, Use.REPEATED, Use.FIRST, Use.FIRST),
                List.of(memory.use("Holder-01", "n1", 1_000, 0), memory.use("Holder-01", "n1", 1_000, 500),
                        memory.use("Holder-01", "n1", 1_000, 1_000), memory.use("Holder-01", "n1", 2_000, 1_001),
                        memory.use("Holder-02", "n1", 1_000, 0)),
                "the same nonce of another participant is another nonce");
    }

    @Test
    void aFullMemoryRefusesNewNoncesWhileEveryOneIsInsideItsWindowAndForgetsNone() {
        NonceMemory memory = new NonceMemory(3, HASH);
        List<Use> uses = new ArrayList<>();
        for (String nonce : List.of("a", "b", "c", "d")) {
            uses.add(memory.use("Holder-01", nonce, 10_000, 0));
        }
        uses.add(memory.use("Holder-01", "a", 10_000, 9_000));
        uses.add(memory.use("Holder-01", "d", 10_000, 9_000));
        assertEquals(List.of(Use.FIRST, Use.FIRST, Use.FIRST, Use.FULL, Use.REPEATED, Use.FULL), uses);
        assertEquals(3, memory.size());
    }

    @Test
    void roomIsMadeFromExpiredNoncesOnlyAndEveryLiveOneIsStillKnownAfterTheSweep() {
        int capacity = 1_000;
        NonceMemory memory = new NonceMemory(capacity, HASH);
        for (int i = 0; i < capacity; i++) {
            assertEquals(Use.FIRST, memory.use("Holder-01", "n" + i, i % 2 == 0 ? 5_000 : 50_000, 0));
        }
        assertEquals(Use.FULL, memory.use("Holder-01", "late", 50_000, 5_000), "n0 is still inside its window at 5000");
        assertEquals(Use.FIRST, memory.use("Holder-01", "late", 50_000, 5_001), "the even ones expired at 5000");
        assertEquals(capacity / 2 + 1, memory.size());
        List<Use> odd = new ArrayList<>();
        for (int i = 1; i < capacity; i += 2) {
            odd.add(memory.use("Holder-01", "n" + i, 50_000, 5_001));
        }
        assertEquals(List.of(Use.REPEATED), odd.stream().distinct().toList(), "the sweep moved no live nonce out of reach");
        assertEquals(Use.REPEATED, memory.use("Holder-01", "late", 50_000, 5_002));
    }

    @Test
    void aFullMemorySweepsAtMostOncePerInterval() {
        NonceMemory memory = new NonceMemory(2, HASH);
        memory.use("Holder-01", "a", 100, 0);
        memory.use("Holder-01", "b", 10_000, 0);
        assertEquals(List.of(Use.FULL, Use.FIRST, Use.FULL, Use.FIRST, Use.REPEATED), List.of(
                memory.use("Holder-01", "c", 150, 100),
                memory.use("Holder-01", "c", 150, 101),
                memory.use("Holder-01", "e", 10_000, 151),
                memory.use("Holder-01", "e", 10_000, 101 + NonceMemory.MIN_SWEEP_INTERVAL_MS),
                memory.use("Holder-01", "b", 10_000, 101 + NonceMemory.MIN_SWEEP_INTERVAL_MS)),
                "a expires after 100, so c finds room at 101 (a sweep); c expires after 150, but e finds room only once"
                        + " the sweep interval has passed since the last sweep; b was never forgotten");
    }

    /**
     * One participant filling the memory (the flood of signed reads of docs/api-signing.md) is stopped at its share:
     * only its own reads are refused, another participant still finds room, and staff find the reserved room even
     * once every participant without one has filled its part.
     */
    @Test
    void aParticipantIsStoppedAtItsShareAndTheReservedRoomStaysForStaff() {
        NonceMemory memory = new NonceMemory(10, 4, 8, HASH);
        List<Use> flood = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flood.add(memory.use("Holder-01", "f" + i, 10_000, 0));
        }
        assertEquals(List.of(Use.FIRST, Use.FIRST, Use.FIRST, Use.FIRST, Use.SHARE_FULL, Use.SHARE_FULL), flood);
        List<Use> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(memory.use("Holder-02", "o" + i, 10_000, 0));
        }
        others.add(memory.use("Holder-03", "o0", 10_000, 0));
        assertEquals(List.of(Use.FIRST, Use.FIRST, Use.FIRST, Use.FIRST, Use.FULL), others,
                "Holder-02 fills the eight unreserved places; Holder-03, within its share, finds none");
        assertEquals(List.of(Use.FIRST, Use.FIRST, Use.FULL), List.of(memory.use("Staff-01", "s0", 10_000, 0, true),
                        memory.use("Staff-01", "s1", 10_000, 0, true), memory.use("Staff-01", "s2", 10_000, 0, true)),
                "staff use the two reserved places");
        assertEquals(10, memory.size());
    }

    @Test
    void aParticipantsShareIsFreedAsItsNoncesExpire() {
        NonceMemory memory = new NonceMemory(10, 2, 10, HASH);
        assertEquals(List.of(Use.FIRST, Use.FIRST, Use.SHARE_FULL, Use.FIRST, Use.REPEATED), List.of(
                memory.use("Holder-01", "a", 100, 0), memory.use("Holder-01", "b", 10_000, 0),
                memory.use("Holder-01", "c", 10_000, 100), memory.use("Holder-01", "c", 10_000, 101),
                memory.use("Holder-01", "b", 10_000, 101)),
                "a expires after 100: c finds room in Holder-01's share at 101 (a sweep); b is still known");
        assertEquals(List.of(Use.SHARE_FULL, Use.FIRST), List.of(
                memory.use("Holder-01", "d", 10_000, 101 + NonceMemory.MIN_SWEEP_INTERVAL_MS),
                memory.use("Holder-02", "d", 10_000, 101 + NonceMemory.MIN_SWEEP_INTERVAL_MS)),
                "b and c fill Holder-01's share until they expire; Holder-02 is not held back by it");
    }
}
