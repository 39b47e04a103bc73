package fundexchange.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.engine.Engine;
import fundexchange.engine.EngineSnapshot;
import fundexchange.engine.RequestMemoryKey;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, snapshots that never stop the engine: the snapshotter replays to the index asked for with an engine of its
 * own, so the engine thread goes on deciding while a snapshot is written. Everything is proved by journal index and by
 * awaiting futures and latches; nothing is timed.
 */
class SnapshotFollowerTest {
    private static final long T0 = 1_795_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private static String key(int n) {
        byte[] der = new byte[44];
        System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
        der[43] = (byte) n;
        return Base64.getEncoder().encodeToString(der);
    }

    /** Genesis at 1, then {@code Investor-i} registered at index i + 1 for i in 1..count - 1. */
    private static List<CommandRecord> records(int from, int to) {
        List<CommandRecord> records = new ArrayList<>();
        for (int index = from; index <= to; index++) {
            if (index == 1) {
                records.add(CommandRecord.unsigned(1, T0, new Genesis("exchange-k1", "ED25519", key(0), List.of(
                        new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", key(1)),
                        new GenesisParticipant("Staff-02", "Staff Two", Role.STAFF, "Staff-02-k1", "ED25519", key(2)),
                        new GenesisParticipant("Staff-03", "Staff Three", Role.STAFF, "Staff-03-k1", "ED25519", key(3)),
                        new GenesisParticipant("Regulator-01", "Regulator", Role.REGULATOR, "Regulator-01-k1", "ED25519",
                                key(4))), RulesVersion.CURRENT)));
                continue;
            }
            long time = T0 + index;
            String crid = "r" + index;
            SignedRequest request = new SignedRequest("Staff-01", "Staff-01-k1", "ED25519", "c2ln", time, crid, "POST",
                    "/participants", "", "d-" + crid, "{}");
            records.add(CommandRecord.signed(index, time, request, new RegisterParticipant("Investor-" + index,
                    "Demo Investor " + index, ParticipantType.INSTITUTION, List.of(Role.INVESTOR))));
        }
        return records;
    }

    private static void appendCommands(Journals journals, List<CommandRecord> records) {
        try (ChronicleJournal.Writer writer = journals.commands().writer()) {
            records.forEach(r -> writer.append(JournalCodec.write(r)));
        }
    }

    /** An engine replayed to {@code index} on this thread, as a restart without snapshots would be. */
    private static Engine replayedTo(int index) {
        Engine engine = new Engine();
        records(1, index).forEach(engine::apply);
        return engine;
    }

    private EngineRunner runner(Journals journals, SnapshotStore store, long every) {
        return new EngineRunner(journals, store, every, EngineRunner.Idle.BACK_OFF::afterEmptyPoll, RequestMemoryKey.FIXED);
    }

    private Path snapshotFile(long index) {
        return data.resolve("snapshots").resolve(String.format("snapshot-%020d.json", index));
    }

    /** A store whose write waits until the test opens the gate, telling the test when a write has begun. */
    private static final class GatedStore extends SnapshotStore {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);

        GatedStore(Path directory) {
            super(directory);
        }

        @Override
        public Path write(EngineSnapshot snapshot) {
            writing.countDown();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return super.write(snapshot);
        }
    }

    /**
     * A snapshot asked for at 11 is written while the store's write is held: meanwhile the engine decides 12 to 21 (the
     * engine thread never waits for it). The snapshot has exactly the bytes {@code Snapshots.take} gives on an engine
     * replayed to 11, and restores to that engine's state hash.
     */
    @Test
    void theEngineDecidesPastNWhileTheSnapshotAtNIsWrittenAndItsBytesAreThoseOfAReplayToN() throws Exception {
        GatedStore store = new GatedStore(data.resolve("snapshots"));
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records(1, 11));
            try (EngineRunner runner = runner(journals, store, 0).start()) {
                assertTrue(runner.awaitIndex(11, WAIT));
                CompletableFuture<Long> snapshot = runner.snapshotNow();
                assertTrue(store.writing.await(30, TimeUnit.SECONDS), "the snapshotter began writing");

                appendCommands(journals, records(12, 21));
                assertTrue(runner.awaitIndex(21, WAIT), "the engine decides while the snapshot is held");
                assertEquals(List.of(false, 21L), List.of(snapshot.isDone(), runner.query(Engine::lastIndex).get(30, TimeUnit.SECONDS)));
                assertFalse(Files.exists(snapshotFile(11)));

                store.gate.countDown();
                assertEquals(11L, snapshot.get(30, TimeUnit.SECONDS));
                assertEquals(new SnapshotStatus(0, 11, 0), runner.snapshotStatus());
            }
        }
        Engine replayed = replayedTo(11);
        assertArrayEquals(JournalCodec.write(replayed.snapshot()), Files.readAllBytes(snapshotFile(11)));
        EngineSnapshot written = new SnapshotStore(data.resolve("snapshots")).latest(11).orElseThrow();
        assertEquals(replayed.stateHash(), Engine.restore(written).stateHash());
    }

    /**
     * Periodic snapshots (every 10) are the snapshotter's too; a restart from the newest (20) plus the journal tail
     * reaches the state hash of a full replay, and says it restored the snapshot at 20.
     */
    @Test
    void aRestartFromTheFollowersSnapshotPlusTheTailHasTheHashOfAFullReplay() throws Exception {
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"));
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records(1, 25));
            try (EngineRunner runner = runner(journals, store, 10).start()) {
                assertTrue(runner.awaitIndex(25, WAIT));
                assertEquals(20L, runner.snapshotWritten(20).get(30, TimeUnit.SECONDS));
            }
            assertEquals(20, store.latest(25).orElseThrow().lastIndex());
            try (EngineRunner restarted = runner(journals, store, 10).start()) {
                restarted.awaitReady(WAIT);
                assertEquals(List.of(25L, 20L, replayedTo(25).stateHash()), List.of(restarted.lastIndex(),
                        restarted.snapshotStatus().lastWrittenIndex(), restarted.query(Engine::stateHash).get(30, TimeUnit.SECONDS)));
            }
        }
    }

    /**
     * A journal whose recorded document is not byte for byte what the replay writes (here the same value, written with
     * a space the codec never writes, which the engine's own start-up replay, comparing values, lets through) gives no
     * snapshot: the request fails, the failure is counted and alarmed, and the engine goes on.
     */
    @Test
    void aRecordedDocumentThatDiffersFromTheReplayGivesNoSnapshotAndAnAlarm() throws Exception {
        List<CommandRecord> records = records(1, 6);
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records);
            Engine decider = new Engine();
            try (ChronicleJournal.Writer events = journals.events().writer()) {
                for (CommandRecord record : records) {
                    byte[] document = JournalCodec.write(decider.apply(record));
                    if (record.index() == 4) {
                        byte[] spaced = ("{ " + new String(document, 1, document.length - 1, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8);
                        assertEquals(JournalCodec.readEvents(document), JournalCodec.readEvents(spaced), "the same value");
                        document = spaced;
                    }
                    events.append(document);
                }
            }
            try (EngineRunner runner = runner(journals, new SnapshotStore(data.resolve("snapshots")), 0).start()) {
                runner.awaitReady(WAIT);
                ExecutionException refused = assertThrows(ExecutionException.class, () -> runner.snapshotNow().get(30, TimeUnit.SECONDS));
                assertEquals(List.of(SnapshotFailed.class, "the snapshot at index 6 could not be written"),
                        List.of(refused.getCause().getClass(), refused.getCause().getMessage()));
                assertEquals(new SnapshotStatus(1, 0, 6), runner.snapshotStatus());
                assertEquals(java.util.Optional.empty(), runner.failure());
            }
            assertFalse(Files.exists(data.resolve("snapshots")), "nothing written");
            EventDocument last = journals.lastEvents().orElseThrow();
            assertEquals(6, last.sourceIndex());
        }
    }
}
