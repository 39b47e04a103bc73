package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CONTRACTS.md 8 (issue 13, findings 3 and 4): request ids are remembered for a retention in journal time from their
 * first journaling, whatever the client's clock; they expire by whole generations; the memory is bounded and refuses
 * rather than forgets; window checks cannot overflow.
 */
class IdempotencyTest {
    private static final long RETENTION = 1_200_000;
    private static final long GENERATION = RETENTION / RequestMemory.SPLIT;
    private static final Command PROPOSAL = new Propose(new SetPlatformParameter("anti-flip-business-days", "3"));

    private final Scenario s = new Scenario().genesis();

    private EventDocument send(String clientRequestId, long signedAt, Command command) {
        return s.submit(s.signedRecord("Staff-01", "Staff-01-k1", clientRequestId, signedAt, command));
    }

    private EventDocument expected(EventDocument actual, String clientRequestId, Outcome outcome) {
        return new EventDocument(EventDocument.VERSION, actual.sourceIndex(), s.time, "Staff-01", clientRequestId, outcome,
                List.of());
    }

    private void approved(SensitiveAction change) {
        EventDocument proposal = s.by("Staff-01", new Propose(change));
        assertEquals(Outcome.ACCEPTED, proposal.outcome());
        assertEquals(Outcome.ACCEPTED, s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())).outcome());
    }

    @Test
    void aRetryFromAClientWhoseClockIsBehindTakesNoSecondEffect() {
        EventDocument first = send("retry-1", s.time - 296_000, PROPOSAL);
        assertEquals(Outcome.ACCEPTED, first.outcome());
        s.advance(6_000);
        EventDocument retry = send("retry-1", s.time - 296_000, PROPOSAL);
        assertEquals(expected(retry, "retry-1", Outcome.ACCEPTED.asDuplicateOf(first.sourceIndex())), retry);
        assertEquals(1, s.engine.state().proposals.size());
    }

    @Test
    void anIdIsKeptTheWholeRetentionFromItsFirstJournalingAndItsGenerationExpiresWhole() {
        long generationEnd = (Math.floorDiv(s.time, GENERATION) + 1) * GENERATION;
        EventDocument early = send("early", s.time, PROPOSAL);
        s.advance(generationEnd - 1 - s.time);
        EventDocument late = send("late", s.time, PROPOSAL);
        assertEquals(1, s.engine.snapshot().requestMemory().generations().size());

        s.advance(generationEnd + RETENTION - 1 - s.time);
        EventDocument earlyRetry = send("early", s.time, PROPOSAL);
        EventDocument lateRetry = send("late", s.time, PROPOSAL);
        assertEquals(expected(earlyRetry, "early", Outcome.ACCEPTED.asDuplicateOf(early.sourceIndex())), earlyRetry);
        assertEquals(expected(lateRetry, "late", Outcome.ACCEPTED.asDuplicateOf(late.sourceIndex())), lateRetry);

        s.advance(1);
        EventDocument earlyAgain = send("early", s.time, PROPOSAL);
        EventDocument lateAgain = send("late", s.time, PROPOSAL);
        assertEquals(List.of(Outcome.ACCEPTED, Outcome.ACCEPTED), List.of(earlyAgain.outcome(), lateAgain.outcome()));
        assertEquals(4, s.engine.state().proposals.size());
        List<EngineSnapshot.RequestGenerationState> generations = s.engine.snapshot().requestMemory().generations();
        assertEquals(List.of(new EngineSnapshot.RememberedRequest(0, RequestMemory.idHash("early"), earlyAgain.sourceIndex()),
                        new EngineSnapshot.RememberedRequest(0, RequestMemory.idHash("late"), lateAgain.sourceIndex())),
                generations.stream().flatMap(g -> g.records().stream()).toList(),
                "only the ids journaled again are remembered, at their new indexes");
    }

    @Test
    void aFullMemoryRefusesNewWritesWithoutEffectRatherThanForgetting() {
        approved(new SetPlatformParameter("request-memory-capacity", "1000"));
        approved(new SetPlatformParameter("request-memory-participant-share-bp", "10000"));
        s.advance(GENERATION);
        int room = 1000 / RequestMemory.GENERATIONS;
        for (int i = 0; i < room; i++) {
            assertEquals(RejectCode.UNKNOWN_KEY.code(), send("fill-" + i, s.time, new RevokeKey("no-such-key")).outcome().code());
        }
        assertEquals(room, s.engine.snapshot().requestMemory().generations().getLast().capacity(), "opened at the new size");
        String hash = s.engine.stateHash();
        EventDocument refused = send("one-too-many", s.time, PROPOSAL);
        Outcome full = Outcome.rejected(RejectCode.REQUEST_MEMORY_FULL.code(), "REQUEST_MEMORY_FULL",
                "the request memory is full (request-memory-capacity): nothing was done; retry later with the same"
                        + " clientRequestId");
        assertEquals(expected(refused, "one-too-many", full), refused);
        assertEquals(1012, RejectCode.REQUEST_MEMORY_FULL.code());
        EventDocument repeat = send("fill-0", s.time, new RevokeKey("no-such-key"));
        assertEquals(fundexchange.protocol.OutcomeStatus.DUPLICATE, repeat.outcome().status(), "a remembered id is still answered");
        assertEquals(RejectCode.UNKNOWN_KEY.code(), repeat.outcome().code());
        assertEquals(0, s.engine.state().proposals.values().stream().filter(p -> !p.approved()).count());

        s.advance(GENERATION);
        EventDocument retried = send("one-too-many", s.time, PROPOSAL);
        assertEquals(Outcome.ACCEPTED, retried.outcome(), "the refused id was not remembered: its retry is decided");
        assertEquals(false, hash.equals(s.engine.stateHash()));
    }

    @Test
    void aLowerCapacityBoundsTheOpenGenerationAtOnce() {
        approved(new SetPlatformParameter("request-memory-participant-share-bp", "10000"));
        approved(new SetPlatformParameter("request-memory-capacity", "1000"));
        int room = 1000 / RequestMemory.GENERATIONS;
        for (int i = 4; i < room; i++) {
            send("fill-" + i, s.time, new RevokeKey("no-such-key"));
        }
        EngineSnapshot.RequestGenerationState open = s.engine.snapshot().requestMemory().generations().getLast();
        assertEquals(List.of(400_000, room), List.of(open.capacity(), open.records().size()));
        assertEquals(RejectCode.REQUEST_MEMORY_FULL.code(), send("one-too-many", s.time, PROPOSAL).outcome().code());
    }

    @Test
    void aParticipantAtItsShareIsRefusedWhileAnotherParticipantsWriteIsAccepted() {
        approved(new SetPlatformParameter("request-memory-capacity", "1000"));
        s.advance(GENERATION);
        int share = 1000 / RequestMemory.GENERATIONS * 1000 / 10_000;
        for (int i = 0; i < share; i++) {
            assertEquals(RejectCode.UNKNOWN_KEY.code(), send("own-" + i, s.time, new RevokeKey("no-such-key")).outcome().code());
        }
        EngineSnapshot.RequestMemoryState memory = s.engine.snapshot().requestMemory();
        EventDocument refused = send("own-" + share, s.time, PROPOSAL);
        assertEquals(expected(refused, "own-" + share, Outcome.rejected(RejectCode.REQUEST_MEMORY_FULL.code(),
                "REQUEST_MEMORY_FULL", "participant Staff-01 has used its share of the request memory"
                        + " (request-memory-participant-share-bp): nothing was done; retry later with the same"
                        + " clientRequestId")), refused);
        assertEquals(memory, s.engine.snapshot().requestMemory(), "the refused id is not remembered");
        assertEquals(1, s.engine.state().proposals.size(), "and the refused write took no effect");
        assertEquals(Outcome.ACCEPTED, s.by("Staff-02", PROPOSAL).outcome(), "another participant still writes");

        Engine restored = Engine.restore(JournalCodec.read(JournalCodec.write(s.engine.snapshot()), EngineSnapshot.class));
        assertEquals(s.engine.stateHash(), restored.stateHash());
        CommandRecord again = s.signedRecord("Staff-01", "Staff-01-k1", "own-after-restore", s.time, PROPOSAL);
        assertEquals(RejectCode.REQUEST_MEMORY_FULL.code(), restored.apply(again).outcome().code(),
                "the participant's count is restored with its generation");
    }

    @Test
    void oversightWritesIntoTheReserveWhenOtherParticipantsFilledTheRest() {
        s.by("Staff-01", new RegisterParticipant("Holder-01", "Demo LP One", ParticipantType.INSTITUTION, List.of(Role.HOLDER)));
        approved(new ApproveParticipant("Holder-01"));
        approved(new RegisterFirstKey("Holder-01", "Holder-01-k1", "ED25519", Scenario.key("Holder-01-k1")));
        approved(new SetPlatformParameter("request-memory-participant-share-bp", "10000"));
        approved(new SetPlatformParameter("request-memory-capacity", "1000"));
        s.advance(GENERATION);
        int bound = 1000 / RequestMemory.GENERATIONS;
        int reserve = Math.max(1, bound / 100);
        for (int i = 0; i < bound - reserve; i++) {
            Outcome outcome = s.by("Holder-01", "Holder-01-k1", "fill-" + i, new RevokeKey("no-such-key")).outcome();
            assertEquals(false, outcome.code() == RejectCode.REQUEST_MEMORY_FULL.code(), outcome.toString());
        }
        Outcome full = Outcome.rejected(RejectCode.REQUEST_MEMORY_FULL.code(), "REQUEST_MEMORY_FULL",
                "the request memory is full (request-memory-capacity): nothing was done; retry later with the same"
                        + " clientRequestId");
        assertEquals(full, s.by("Holder-01", "Holder-01-k1", "fill-more", new RevokeKey("no-such-key")).outcome());

        EventDocument raise = s.by("Staff-01", new Propose(new SetPlatformParameter("request-memory-capacity", "2000")));
        assertEquals(Outcome.ACCEPTED, raise.outcome());
        assertEquals(Outcome.ACCEPTED, s.by("Staff-02", new ApproveProposal(raise.sourceIndex())).outcome());
        assertEquals(2_000, s.engine.state().parameters.requests().capacity());
        assertEquals(reserve, 2, "the reserve held exactly the proposal and its approval");
        assertEquals(full, s.by("Staff-03", PROPOSAL).outcome(), "the reserve is used up; the new size applies from the next generation");
        s.advance(GENERATION);
        Outcome retried = s.by("Holder-01", "Holder-01-k1", "fill-more", new RevokeKey("no-such-key")).outcome();
        assertEquals(false, retried.code() == RejectCode.REQUEST_MEMORY_FULL.code(), "the next generation has room: " + retried);
    }

    @Test
    void aSnapshotRestoredAndTheJournalReplayedReproduceTheStateHash() {
        List<Integer> snapshotAfter = new ArrayList<>();
        for (int batch = 0; batch < 8; batch++) {
            for (int i = 0; i < 3; i++) {
                send("b" + batch + "-" + i, s.time, PROPOSAL);
            }
            send("b" + Math.max(0, batch - 1) + "-0", s.time, PROPOSAL);
            snapshotAfter.add(s.journal.size());
            s.advance(GENERATION + 7);
        }
        for (int prefix : snapshotAfter) {
            Engine replica = new Engine();
            s.journal.subList(0, prefix).forEach(replica::apply);
            byte[] written = JournalCodec.write(replica.snapshot());
            Engine restored = Engine.restore(JournalCodec.read(written, EngineSnapshot.class),
                    s.engine.applied().orElseThrow(), new RequestMemoryKey(batchKey(prefix), 17));
            assertEquals(replica.stateHash(), restored.stateHash());
            List<EventDocument> tail = s.journal.subList(prefix, s.journal.size()).stream().map(restored::apply).toList();
            assertEquals(s.engine.stateHash(), restored.stateHash(), "restored at " + prefix + " and replayed");
            assertEquals(s.last, tail.isEmpty() ? s.last : tail.getLast());
        }
        Engine replayed = new Engine();
        s.journal.forEach(replayed::apply);
        assertEquals(s.engine.stateHash(), replayed.stateHash());
    }

    @Test
    void anEngineWhoseJournalsCannotConfirmARememberedIdHaltsRatherThanDecideIt() {
        EventDocument kept = send("kept", s.time, PROPOSAL);
        Engine restored = Engine.restore(s.engine.snapshot(), new AppliedRequests(), RequestMemoryKey.FIXED);
        CommandRecord again = s.signedRecord("Staff-01", "Staff-01-k1", "kept", s.time, PROPOSAL);
        IllegalStateException halted = assertThrows(IllegalStateException.class, () -> restored.apply(again));
        assertEquals(List.of("the request memory points at a record the journals cannot give (index " + again.index()
                        + "); engine halted", "no signed request applied at index " + kept.sourceIndex()),
                List.of(halted.getMessage(), halted.getCause().getMessage()));
    }

    @Test
    void aSelfContainedEngineKeepsOnlyTheRequestsItsMemoryStillHolds() {
        EventDocument early = send("early", s.time, PROPOSAL);
        s.advance(RETENTION + 2 * GENERATION);
        EventDocument late = send("late", s.time, PROPOSAL);
        EventDocument repeat = send("late", s.time, PROPOSAL);
        Engine lean = Engine.selfContained();
        List<EventDocument> replayed = s.journal.stream().map(lean::apply).toList();
        assertEquals(List.of(Outcome.ACCEPTED.asDuplicateOf(late.sourceIndex()), s.engine.stateHash()),
                List.of(replayed.getLast().outcome(), lean.stateHash()));
        assertEquals(repeat, replayed.getLast());
        AppliedRequests journal = lean.applied().orElseThrow();
        assertThrows(JournaledRequests.Unavailable.class, () -> journal.at(early.sourceIndex()));
        assertEquals("late", journal.at(late.sourceIndex()).clientRequestId());
    }

    private static long batchKey(int prefix) {
        return prefix * 0x9E3779B97F4A7C15L;
    }

    @Test
    void theRetentionIsNeverLessThanTwiceTheWindowAlsoWhenTheWindowChanges() {
        EventDocument shorter = s.by("Staff-01", new Propose(new SetPlatformParameter("request-retention-ms", "599999")));
        assertEquals(Outcome.rejected(RejectCode.INVALID_PARAMETER.code(), "INVALID_PARAMETER",
                "request-retention-ms (599999) must be at least twice request-window-ms (300000)"), shorter.outcome());
        EventDocument wider = s.by("Staff-01", new Propose(new SetPlatformParameter("request-window-ms", "600001")));
        assertEquals(RejectCode.INVALID_PARAMETER.code(), wider.outcome().code());
        EventDocument window = s.by("Staff-01", new Propose(new SetPlatformParameter("request-window-ms", "600000")));
        EventDocument retention = s.by("Staff-01", new Propose(new SetPlatformParameter("request-retention-ms", "1199999")));
        assertEquals(Outcome.ACCEPTED, retention.outcome(), "valid against the window in force when proposed");
        assertEquals(Outcome.ACCEPTED, s.by("Staff-02", new ApproveProposal(window.sourceIndex())).outcome());
        assertEquals(Outcome.rejected(RejectCode.INVALID_PARAMETER.code(), "INVALID_PARAMETER",
                "request-retention-ms (1199999) must be at least twice request-window-ms (600000)"),
                s.by("Staff-02", new ApproveProposal(retention.sourceIndex())).outcome());
        approved(new SetPlatformParameter("request-retention-ms", "1800000"));
        assertEquals(1_800_000, s.engine.state().parameters.requests().retentionMs());
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, Long.MAX_VALUE, -300_001, 300_001})
    void aSignedTimestampAnyDistanceOutsideTheWindowIsRefusedWithoutOverflow(long offset) {
        EventDocument refused = send("far-" + offset, s.time + offset, PROPOSAL);
        assertEquals(RejectCode.TIMESTAMP_OUT_OF_WINDOW.code(), refused.outcome().code());
        assertEquals(List.of(), refused.events());
        assertEquals(RejectCode.TIMESTAMP_OUT_OF_WINDOW.code(), send("min", Long.MIN_VALUE, PROPOSAL).outcome().code());
        assertEquals(RejectCode.TIMESTAMP_OUT_OF_WINDOW.code(), send("max", Long.MAX_VALUE, PROPOSAL).outcome().code());
        assertEquals(0, s.engine.state().proposals.size());
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, Long.MAX_VALUE})
    void aCheckpointSignedAnyDistanceOutsideTheWindowIsRefusedWithoutOverflow(long offset) {
        s.unsigned(new Checkpoint("exchange-k1", 1, "0".repeat(64), s.time + offset, "c2ln"));
        assertEquals(RejectCode.TIMESTAMP_OUT_OF_WINDOW.code(), s.last.outcome().code());
    }

    @Test
    void theEngineRefusesAJournalOfAnotherRulesVersion() {
        Genesis legacy = new Genesis("exchange-k1", "ED25519", Scenario.KEY, List.of(), null);
        Engine engine = new Engine();
        RulesVersion.Refused refused = assertThrows(RulesVersion.Refused.class,
                () -> engine.apply(CommandRecord.unsigned(1, Scenario.START, legacy)));
        assertEquals("the journal follows rules version 1; this engine decides by rules versions 2 to " + fundexchange.protocol.RulesVersion.CURRENT + " and refuses to replay"
                + " it (the journal stays verifiable with exchange audit verify) / journal 遵循规则版本 1；本引擎按规则版本 2"
                + " 至 " + fundexchange.protocol.RulesVersion.CURRENT + " 决定，拒绝重放该日志（该日志仍可用 exchange audit verify 验证）", refused.getMessage());
        assertEquals(0, engine.lastIndex());
    }
}
