package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.engine.reference.PlatformParameters;
import fundexchange.journal.Outcome;
import fundexchange.journal.Windows;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestMemoryTest {
    private static final long T = 1_795_000_000_000L;
    private static final PlatformParameters P = PlatformParameters.DEFAULTS;

    @Test
    void idsWhoseHashesCollideAreToldApartByTheFullId() {
        RequestMemory memory = new RequestMemory(id -> 42L);
        memory.remember(T, P, "Holder-01", "a", "da", 1, Outcome.ACCEPTED);
        memory.remember(T, P, "Holder-01", "b", "db", 2, Outcome.ACCEPTED);
        memory.remember(T, P, "Holder-02", "a", "da2", 3, Outcome.ACCEPTED);
        assertEquals(Optional.of(new EngineSnapshot.RememberedRequest(0, "a", "da", 1, Outcome.ACCEPTED)), memory.find("Holder-01", "a"));
        assertEquals(Optional.of(new EngineSnapshot.RememberedRequest(0, "b", "db", 2, Outcome.ACCEPTED)), memory.find("Holder-01", "b"));
        assertEquals(Optional.of(new EngineSnapshot.RememberedRequest(1, "a", "da2", 3, Outcome.ACCEPTED)), memory.find("Holder-02", "a"));
        assertEquals(Optional.empty(), memory.find("Holder-01", "c"));
        assertEquals(Optional.empty(), memory.find("Holder-03", "a"));
    }

    @Test
    void aRestoredViewAnswersAsTheOriginal() {
        RequestMemory memory = new RequestMemory();
        for (int i = 0; i < 50; i++) {
            memory.remember(T + i * 100_000L, P, "Holder-0" + (i % 3), "id-" + i, "d" + i, i + 1, Outcome.ACCEPTED);
        }
        RequestMemory restored = new RequestMemory();
        restored.restore(memory.view());
        assertEquals(memory.view(), restored.view());
        for (int i = 0; i < 50; i++) {
            assertEquals(memory.find("Holder-0" + (i % 3), "id-" + i), restored.find("Holder-0" + (i % 3), "id-" + i));
        }
        assertEquals(List.of(2, 3, 3, 3, 39), memory.view().generations().stream().map(g -> g.records().size()).toList(),
                "five generations; with none dropped (no time advanced past a retention) the newest stays open");
    }

    @Test
    void aRetentionNotDivisibleByFourGivesGenerationsOfItsQuarterRoundedUpAndNoneIsExtended() {
        PlatformParameters p = P.with("request-retention-ms", "1200002");
        long length = 300_001;
        assertEquals(length, RequestMemory.generationLength(p));
        RequestMemory memory = new RequestMemory();
        long start = Math.floorDiv(T, length) * length;
        for (int i = 0; i < 12; i++) {
            long time = start + i * length;
            memory.advance(time, p);
            assertEquals(RequestMemory.Room.FREE, memory.room(time, p, "Holder-01", false));
            memory.remember(time, p, "Holder-01", "id-" + i, "d" + i, i + 1, Outcome.ACCEPTED);
        }
        List<List<Long>> spans = memory.view().generations().stream().map(g -> List.of(g.start(), g.end())).toList();
        List<List<Long>> expected = java.util.stream.LongStream.range(7, 12)
                .mapToObj(i -> List.of(start + i * length, start + (i + 1) * length)).toList();
        assertEquals(expected, spans, "five generations of one length each, the oldest dropped as each new one opens");
    }

    @Test
    void aParticipantsShareAndTheOversightReserveBoundItsWrites() {
        PlatformParameters p = P.with("request-memory-capacity", "1000");
        RequestMemory memory = new RequestMemory();
        for (int i = 0; i < 20; i++) {
            assertEquals(RequestMemory.Room.FREE, memory.room(T, p, "Holder-01", false));
            memory.remember(T, p, "Holder-01", "id-" + i, "d", i + 1, Outcome.ACCEPTED);
        }
        assertEquals(RequestMemory.Room.PARTICIPANT_SHARE_USED, memory.room(T, p, "Holder-01", false));
        assertEquals(RequestMemory.Room.FREE, memory.room(T, p, "Holder-02", false));
        assertEquals(List.of(2, 20), List.of(RequestMemory.reserve(200), RequestMemory.participantShare(200, p)));
    }

    @Test
    void windowsAreSaturating() {
        assertEquals(false, Windows.within(T + Long.MIN_VALUE, T, 300_000));
        assertEquals(false, Windows.within(Long.MIN_VALUE, T, 300_000));
        assertEquals(false, Windows.within(Long.MAX_VALUE, -1, Long.MAX_VALUE));
        assertEquals(true, Windows.within(T + 300_000, T, 300_000));
        assertEquals(true, Windows.within(T - 300_000, T, 300_000));
        assertEquals(false, Windows.within(T - 300_001, T, 300_000));
        assertEquals(Long.MAX_VALUE, Windows.plus(Long.MAX_VALUE - 1, 5));
        assertEquals(Long.MIN_VALUE, Windows.plus(Long.MIN_VALUE + 1, -5));
    }
}
