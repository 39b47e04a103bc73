package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRACTS.md 10: an unexpected exception while deciding becomes Rejected(INTERNAL, 9000) and changes nothing. The
 * command below makes a rules class throw a NullPointerException today (a null field no validation catches); if one
 * of them is validated properly one day, replace it with another way to provoke an unchecked exception.
 */
class InternalErrorTest {
    static List<Command> commandsThatThrowWhileDeciding() {
        return List.of(
                new Propose(new SetPlatformParameter(null, "1")));
    }

    @ParameterizedTest
    @MethodSource("commandsThatThrowWhileDeciding")
    void anUnexpectedExceptionIsRejectedAsInternalAndChangesNothingButTheRequestMemory(Command poison) {
        Scenario s = new Scenario().genesis();
        EngineSnapshot before = s.engine.snapshot();
        CommandRecord record = s.signedRecord("Staff-01", "Staff-01-k1", "poison-1", s.time, poison);
        EventDocument document = s.submit(record);

        Outcome internal = Outcome.rejected(RejectCode.INTERNAL.code(), "INTERNAL", "internal error: NullPointerException");
        assertEquals(new EventDocument(EventDocument.VERSION, 2, s.time, "Staff-01", "poison-1", internal, List.of()), document);
        assertEquals(9000, RejectCode.INTERNAL.code());

        // The state must be the state before plus only what every command records: its index, its time and the
        // remembered request. Engine.restore verifies that this expected state has the engine's actual state hash.
        assertEquals(new EngineSnapshot.RequestMemoryState(List.of(), List.of()), before.requestMemory());
        long generation = before.parameters().requests().retentionMs() / RequestMemory.SPLIT;
        long start = Math.floorDiv(s.time, generation) * generation;
        EngineSnapshot.RequestMemoryState requests = new EngineSnapshot.RequestMemoryState(List.of("Staff-01"),
                List.of(EngineSnapshot.RequestGenerationState.of(start, start + generation,
                        before.parameters().requests().capacity() / RequestMemory.GENERATIONS,
                        List.of(new EngineSnapshot.RememberedRequest(0, RequestMemory.idHash("poison-1"), 2)))));
        EngineSnapshot expected = SnapshotEdit.with(SnapshotEdit.with(SnapshotEdit.with(SnapshotEdit.with(before,
                "lastIndex", 2), "lastTime", s.time), "stateHash", s.engine.stateHash()), "requestMemory", requests);
        assertEquals(s.engine.stateHash(), Engine.restore(expected).stateHash());

        EventDocument repeat = s.submit(s.signedRecord("Staff-01", "Staff-01-k1", "poison-1", s.time, poison));
        assertEquals(internal.asDuplicateOf(2), repeat.outcome(), "a repeat returns the remembered outcome");
        assertEquals(List.of(), repeat.events());
    }
}
