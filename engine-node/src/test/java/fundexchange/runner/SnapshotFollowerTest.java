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
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import java.io.IOException;
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
    private static final class Gate {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);

        void await() throws IOException {
            writing.countDown();
            try {
                if (!open.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    /** The index a temp file {@code snapshot-<index>-<unique>.tmp} is written for. */
    private static long indexOfTemp(Path temp) {
        return Long.parseLong(temp.getFileName().toString().substring("snapshot-".length(), "snapshot-".length() + 20));
    }

    /**
     * A snapshot asked for at 11 is written while the store's write is held: meanwhile the engine decides 12 to 21 (the
     * engine thread never waits for it). The snapshot has exactly the bytes the engine thread's own snapshot at 11 has
     * (and {@code Snapshots.take} on an engine replayed to 11), and restores to that engine's state hash.
     */
    @Test
    void theEngineDecidesPastNWhileTheSnapshotAtNIsWrittenAndItsBytesAreThoseOfAReplayToN() throws Exception {
        Gate gate = new Gate();
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"), (temp, bytes) -> {
            gate.await();
            Files.write(temp, bytes);
        });
        byte[] enginesOwn;
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records(1, 11));
            try (EngineRunner runner = runner(journals, store, 0).start()) {
                assertTrue(runner.awaitIndex(11, WAIT));
                enginesOwn = runner.query(e -> JournalCodec.write(e.snapshot())).get(30, TimeUnit.SECONDS);
                CompletableFuture<Long> snapshot = runner.snapshotNow();
                assertTrue(gate.writing.await(30, TimeUnit.SECONDS), "the snapshotter began writing");

                appendCommands(journals, records(12, 21));
                assertTrue(runner.awaitIndex(21, WAIT), "the engine decides while the snapshot is held");
                assertEquals(List.of(false, 21L), List.of(snapshot.isDone(), runner.query(Engine::lastIndex).get(30, TimeUnit.SECONDS)));
                assertFalse(Files.exists(snapshotFile(11)));

                gate.open.countDown();
                assertEquals(11L, snapshot.get(30, TimeUnit.SECONDS));
                assertEquals(new SnapshotStatus(0, 11, 0), runner.snapshotStatus());
            }
        }
        assertArrayEquals(enginesOwn, Files.readAllBytes(snapshotFile(11)), "the engine thread's own snapshot at 11");
        Engine replayed = replayedTo(11);
        assertArrayEquals(JournalCodec.write(replayed.snapshot()), Files.readAllBytes(snapshotFile(11)));
        EngineSnapshot written = new SnapshotStore(data.resolve("snapshots")).latest(11).orElseThrow();
        assertEquals(replayed.stateHash(), Engine.restore(written).stateHash());
    }

    /**
     * A follower that restored a snapshot (at 10) and replayed from it writes the bytes of a live engine that decided
     * every command from the genesis on (its journals held no events, so it restored nothing): the snapshot at 25 equals
     * the engine thread's own at 25, byte for byte.
     */
    @Test
    void aFollowerThatRestoredASnapshotWritesTheBytesOfALiveEngineThatDidNot() throws Exception {
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"));
        store.write(replayedTo(10).snapshot());
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records(1, 25));
            try (EngineRunner runner = runner(journals, store, 0).start()) {
                assertTrue(runner.awaitIndex(25, WAIT));
                assertEquals(new SnapshotStatus(0, 0, 0), runner.snapshotStatus(), "the engine restored nothing");
                byte[] enginesOwn = runner.query(e -> JournalCodec.write(e.snapshot())).get(30, TimeUnit.SECONDS);
                assertEquals(25L, runner.snapshotNow().get(30, TimeUnit.SECONDS));
                assertArrayEquals(enginesOwn, Files.readAllBytes(snapshotFile(25)));
            }
        }
    }

    /**
     * Finding 4 of the land review: a follower that restored a snapshot whose bounded history is not empty (rules
     * version 10: a settled trade, its sold listing and a withdrawn listing, golden bounded-history.json) and replayed
     * across the Tick that prunes them 7 days later writes the bytes of the live engine, which decided every command
     * from the genesis on; the history it wrote is not the one it restored.
     */
    @Test
    void aFollowerThatRestoredANonEmptyHistoryAndReplayedAcrossItsPruningWritesTheLiveEnginesBytes() throws Exception {
        List<CommandRecord> records = fundexchange.engine.GoldenJournal.records("bounded-history.json");
        int withdrawn = (int) records.stream().filter(r -> r.command() instanceof WithdrawListing w && w.listingId() == 29)
                .mapToLong(CommandRecord::index).min().orElseThrow(); // listing 29 withdrawn: both items finished
        int last = records.size();
        Engine atWithdrawal = new Engine();
        records.subList(0, withdrawn).forEach(atWithdrawal::apply);
        EngineSnapshot restored = atWithdrawal.snapshot();
        assertEquals(RulesVersion.BOUNDED_HISTORY, restored.rulesVersion());
        assertEquals(List.of(false, false, 0L, 0L), List.of(restored.history().listings().isEmpty(),
                restored.history().trades().isEmpty(), restored.history().listingHorizon(),
                restored.history().tradeHorizon()), "the follower restores finished items, none pruned yet");
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"));
        store.write(restored);
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records);
            try (EngineRunner runner = runner(journals, store, 0).start()) {
                assertTrue(runner.awaitIndex(last, WAIT));
                assertEquals(new SnapshotStatus(0, 0, 0), runner.snapshotStatus(), "the engine restored nothing");
                byte[] enginesOwn = runner.query(e -> JournalCodec.write(e.snapshot())).get(30, TimeUnit.SECONDS);
                String liveHash = runner.query(Engine::stateHash).get(30, TimeUnit.SECONDS);
                assertEquals((long) last, runner.snapshotNow().get(30, TimeUnit.SECONDS));
                byte[] written = Files.readAllBytes(snapshotFile(last));
                assertArrayEquals(enginesOwn, written);
                EngineSnapshot decoded = JournalCodec.read(written, EngineSnapshot.class);
                assertEquals(liveHash, Engine.restore(decoded).stateHash());
                assertTrue(decoded.history().listingHorizon() > 0 && decoded.history().tradeHorizon() > 0,
                        "the follower's replay pruned the finished listings and trade");
            }
        }
    }

    /**
     * Two requests made while one job is failing its write fail with it, and no second job redoes theirs: the job
     * clears the marks it covered before it answers. The next write the follower attempts is a later request's (at 12).
     */
    @Test
    void requestsMadeDuringAFailingJobFailWithItAndRunNoSecondJob() throws Exception {
        Gate gate = new Gate();
        List<Long> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"), (temp, bytes) -> {
            writes.add(indexOfTemp(temp));
            if (writes.size() == 1) {
                gate.await();
                throw new IOException("the disk is full");
            }
            Files.write(temp, bytes);
        });
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records(1, 11));
            try (EngineRunner runner = runner(journals, store, 0).start()) {
                assertTrue(runner.awaitIndex(11, WAIT));
                CompletableFuture<Long> first = runner.snapshotNow();
                assertTrue(gate.writing.await(30, TimeUnit.SECONDS), "the first job is writing");
                CompletableFuture<Long> second = runner.snapshotNow();
                CompletableFuture<Long> third = runner.snapshotNow();
                runner.query(e -> 0).get(30, TimeUnit.SECONDS); // both requests are with the follower by now
                gate.open.countDown();
                for (CompletableFuture<Long> request : List.of(first, second, third)) {
                    ExecutionException failed = assertThrows(ExecutionException.class, () -> request.get(30, TimeUnit.SECONDS));
                    assertEquals(List.of(SnapshotFailed.Kind.WRITE_FAILED, "the snapshot at index 11 could not be written"),
                            List.of(((SnapshotFailed) failed.getCause()).kind(), failed.getCause().getMessage()));
                }
                assertEquals(11L, runner.snapshotSettled(11).get(30, TimeUnit.SECONDS));
                assertEquals(new SnapshotStatus(1, 0, 11), runner.snapshotStatus());

                appendCommands(journals, records(12, 12));
                assertTrue(runner.awaitIndex(12, WAIT));
                assertEquals(12L, runner.snapshotNow().get(30, TimeUnit.SECONDS));
                assertEquals(List.of(new SnapshotStatus(1, 12, 11), List.of(11L, 12L)), List.of(runner.snapshotStatus(), writes));
            }
        }
        try (java.util.stream.Stream<Path> left = Files.list(data.resolve("snapshots"))) {
            assertEquals(List.of(snapshotFile(12).getFileName().toString()), left.map(f -> f.getFileName().toString()).toList(),
                    "the failed write's temp file is gone");
        }
    }

    /**
     * The store's own write (through a forced file channel, then the move, then the forced directory) leaves the
     * snapshot whole, readable back, no temp file, and readable by the node's user only (0600, from the temp file).
     */
    @Test
    void aWrittenSnapshotIsWholeAndReadableOnlyByItsOwner() throws Exception {
        Engine engine = replayedTo(3);
        Path file = new SnapshotStore(data.resolve("snapshots")).write(engine.snapshot());
        assertEquals(snapshotFile(3), file);
        assertArrayEquals(JournalCodec.write(engine.snapshot()), Files.readAllBytes(file));
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(file));
        try (java.util.stream.Stream<Path> left = Files.list(data.resolve("snapshots"))) {
            assertEquals(List.of(file.getFileName()), left.map(Path::getFileName).toList());
        }
    }

    /**
     * The atomic move is the point of success: a directory that cannot be forced afterwards (a file system that cannot
     * open a directory as a channel) leaves the whole snapshot in place, and the write is done, not failed.
     */
    @Test
    void aDirectoryThatCannotBeForcedAfterTheMoveLeavesTheWriteDone() throws Exception {
        Engine engine = replayedTo(3);
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"), SnapshotStore::writeDurably, Files::readAllBytes,
                directory -> {
                    throw new IOException("cannot open a directory as a channel here");
                });
        assertEquals(snapshotFile(3), store.write(engine.snapshot()));
        assertArrayEquals(JournalCodec.write(engine.snapshot()), Files.readAllBytes(snapshotFile(3)));
        try (java.util.stream.Stream<Path> left = Files.list(data.resolve("snapshots"))) {
            assertEquals(List.of(snapshotFile(3).getFileName()), left.map(Path::getFileName).toList());
        }
        assertEquals(3, store.latest(3).orElseThrow().lastIndex());
    }

    /**
     * Opening a store deletes nothing (another store may be writing into the directory); the node's explicit
     * clean-up, under its data directory's lock, deletes the temp files a crash left and keeps the snapshots.
     */
    @Test
    void staleTempFilesAreDeletedOnlyByTheExplicitCleanUp() throws Exception {
        Path directory = Files.createDirectories(data.resolve("snapshots"));
        Path stale = Files.writeString(directory.resolve("snapshot-00000000000000000011-123.tmp"), "{\"half");
        Path kept = Files.writeString(snapshotFile(10), "{}");
        SnapshotStore store = new SnapshotStore(directory);
        assertTrue(Files.exists(stale), "opening the store deletes nothing");
        assertEquals(1, store.clearStaleTempFiles());
        try (java.util.stream.Stream<Path> left = Files.list(directory)) {
            assertEquals(List.of(kept.getFileName()), left.map(Path::getFileName).toList());
        }
    }

    /**
     * After a power loss a forced snapshot can outlive the journal tail it was taken from: the start-up clean-up sets
     * aside (renames, never deletes) every snapshot above the events journal's last index, keeps an earlier orphan of the
     * same index beside the new one, and leaves the snapshots at or below the index and other files alone.
     */
    @Test
    void snapshotsNewerThanTheEventJournalAreSetAsideNotDeleted() throws Exception {
        Path directory = Files.createDirectories(data.resolve("snapshots"));
        for (long index : List.of(10, 20, 30, 40)) {
            Files.writeString(snapshotFile(index), "{\"at\":" + index + "}");
        }
        Files.writeString(directory.resolve(snapshotFile(40).getFileName() + ".orphan"), "an earlier power loss's");
        SnapshotStore store = new SnapshotStore(directory);
        assertEquals(List.of(directory.resolve(snapshotFile(30).getFileName() + ".orphan"),
                directory.resolve(snapshotFile(40).getFileName() + ".orphan-2")), store.setAsideBeyond(20));
        try (java.util.stream.Stream<Path> left = Files.list(directory)) {
            assertEquals(List.of("snapshot-00000000000000000010.json", "snapshot-00000000000000000020.json",
                    "snapshot-00000000000000000030.json.orphan", "snapshot-00000000000000000040.json.orphan",
                    "snapshot-00000000000000000040.json.orphan-2"),
                    left.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of("{\"at\":30}", "an earlier power loss's", "{\"at\":40}"), java.util.stream.Stream.of(
                "30.json.orphan", "40.json.orphan", "40.json.orphan-2").map(tail -> {
                    try {
                        return Files.readString(directory.resolve("snapshot-000000000000000000" + tail));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList());
        assertEquals(List.of(), store.setAsideBeyond(20), "nothing more to set aside");
        assertEquals(List.of(), new SnapshotStore(data.resolve("none")).setAsideBeyond(0), "no directory, nothing to do");
    }

    /**
     * A caller waiting with {@code snapshotWritten(11)} while the job at 11 fails its write is not left pending until a
     * later job: it fails at once with that job's WRITE_FAILED, as a request does.
     */
    @Test
    void aWaiterForAWrittenSnapshotFailsWithTheCoveringJobsFailure() throws Exception {
        Gate gate = new Gate();
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"), (temp, bytes) -> {
            gate.await();
            throw new IOException("the disk is full");
        });
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records(1, 11));
            try (EngineRunner runner = runner(journals, store, 0).start()) {
                assertTrue(runner.awaitIndex(11, WAIT));
                CompletableFuture<Long> request = runner.snapshotNow();
                assertTrue(gate.writing.await(30, TimeUnit.SECONDS), "the job at 11 is writing");
                CompletableFuture<Long> written = runner.snapshotWritten(11);
                assertFalse(written.isDone(), "nothing is written yet");
                gate.open.countDown();
                for (CompletableFuture<Long> answer : List.of(request, written)) {
                    ExecutionException failed = assertThrows(ExecutionException.class, () -> answer.get(30, TimeUnit.SECONDS));
                    assertEquals(List.of(SnapshotFailed.Kind.WRITE_FAILED, "the snapshot at index 11 could not be written"),
                            List.of(((SnapshotFailed) failed.getCause()).kind(), failed.getCause().getMessage()));
                }
                assertEquals(new SnapshotStatus(1, 0, 11), runner.snapshotStatus());
            }
        }
    }

    /**
     * Periodic snapshots (every 10) are the snapshotter's too; a restart from the newest (20) plus the journal tail
     * reaches the state hash of a full replay, and says it restored the snapshot at 20.
     */
    @Test
    void aRestartFromTheFollowersSnapshotPlusTheTailHasTheHashOfAFullReplay() throws Exception {
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"));
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records(1, 10));
            try (EngineRunner runner = runner(journals, store, 10).start()) {
                // step with the snapshotter: the job at 10 ends before the engine moves on, so it sets no floor
                assertEquals(10L, runner.snapshotSettled(10).get(30, TimeUnit.SECONDS));
                appendCommands(journals, records(11, 25));
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
     * An {@link Error} halts the snapshotter, and that is visible: the failure is counted at the job's index,
     * {@code snapshotterHalted} is true, and every request from then on (a snapshot now, one written, a job settled)
     * fails saying the node must restart. The engine goes on deciding.
     */
    @Test
    void aHaltedSnapshotterIsCountedAndEveryRequestSaysToRestartTheNode() throws Exception {
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"), (temp, bytes) -> {
            throw new AssertionError("a bug in the writer");
        });
        try (Journals journals = Journals.open(data)) {
            appendCommands(journals, records(1, 11));
            try (EngineRunner runner = runner(journals, store, 0).start()) {
                assertTrue(runner.awaitIndex(11, WAIT));
                List<CompletableFuture<Long>> asked = new ArrayList<>(List.of(runner.snapshotNow()));
                ExecutionException first = assertThrows(ExecutionException.class, () -> asked.getFirst().get(30, TimeUnit.SECONDS));
                assertEquals(SnapshotFailed.Kind.HALTED, ((SnapshotFailed) first.getCause()).kind());
                assertEquals(List.of(true, new SnapshotStatus(1, 0, 11)), List.of(runner.snapshotterHalted(), runner.snapshotStatus()));
                asked.addAll(List.of(runner.snapshotNow(), runner.snapshotWritten(11), runner.snapshotSettled(11)));
                for (CompletableFuture<Long> request : asked) {
                    ExecutionException failed = assertThrows(ExecutionException.class, () -> request.get(30, TimeUnit.SECONDS));
                    assertEquals(List.of(SnapshotFailed.Kind.HALTED, "the snapshotter halted; restart the node"),
                            List.of(((SnapshotFailed) failed.getCause()).kind(), failed.getCause().getMessage()));
                }
                appendCommands(journals, records(12, 12));
                assertTrue(runner.awaitIndex(12, WAIT), "the engine goes on");
                assertEquals(java.util.Optional.empty(), runner.failure());
            }
        }
        try (java.util.stream.Stream<Path> left = Files.list(data.resolve("snapshots"))) {
            assertEquals(List.of(), left.toList(), "the Error's temp file is deleted too");
        }
    }

    /** The journals of records 1..{@code last}, with the event documents a fresh engine decides for them. */
    private static void journalTo(Journals journals, int last) {
        List<CommandRecord> records = records(1, last);
        appendCommands(journals, records);
        Engine decider = new Engine();
        try (ChronicleJournal.Writer events = journals.events().writer()) {
            records.forEach(record -> events.append(JournalCodec.write(decider.apply(record))));
        }
    }

    /**
     * The node closes while a job replays: the job gives up at its next step, writes nothing, and what waited for it (a
     * request, a written snapshot, a settled job) fails saying the engine is closed. The follower is built directly; its
     * backlog supplier, which the replay reads on the follower's thread at its first slice, holds the job there until
     * the test has stopped and closed it.
     */
    @Test
    void aCloseDuringAJobWritesNothingAndFailsEveryWaiterAsUnavailable() throws Exception {
        CountDownLatch replaying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SnapshotFollower.EngineProgress heldAtTheFirstSlice = new SnapshotFollower.EngineProgress() {
            @Override
            public long decided() {
                return 1_100;
            }

            @Override
            public long backlog() {
                replaying.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS), "the test released the job");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            }
        };
        try (Journals journals = Journals.open(data)) {
            journalTo(journals, 1_100);
            SnapshotFollower follower = new SnapshotFollower(journals, new SnapshotStore(data.resolve("snapshots")),
                    RequestMemoryKey.FIXED, 0, heldAtTheFirstSlice);
            fundexchange.agent.AgentRunner thread = new fundexchange.agent.AgentRunner(follower, follower, follower::halted,
                    Duration.ZERO, true).start();
            try {
                List<CompletableFuture<Long>> waiting = new ArrayList<>(List.of(
                        follower.request(new SnapshotFollower.Mark(1_100, Long.MAX_VALUE))));
                assertTrue(replaying.await(30, TimeUnit.SECONDS), "the job is replaying, held at its first slice");
                waiting.addAll(List.of(follower.written(1_100), follower.settled(1_100)));
                follower.stop();
                thread.close(); // returns at once (no wait): the job is still held
                release.countDown();
                assertTrue(thread.awaitClosed(WAIT));
                waiting.addAll(List.of(follower.request(new SnapshotFollower.Mark(1_100, Long.MAX_VALUE)),
                        follower.written(1_100), follower.settled(1_100)));
                assertAllUnavailable(waiting);
                assertEquals(SnapshotStatus.NONE, follower.status());
            } finally { // an assertion that fails first must not leave the job held over closing journals
                release.countDown();
                thread.close();
            }
        }
        assertFalse(Files.exists(data.resolve("snapshots")), "no file was written, not even a temp file");
    }

    private static void assertAllUnavailable(List<CompletableFuture<Long>> waiting) {
        for (CompletableFuture<Long> waiter : waiting) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> waiter.get(30, TimeUnit.SECONDS));
            assertEquals(List.of(SnapshotFailed.Kind.UNAVAILABLE, "the engine is closed; no snapshot was taken"),
                    List.of(((SnapshotFailed) failed.getCause()).kind(), failed.getCause().getMessage()));
        }
    }

    /** A point on the follower's thread that it reaches, and waits at until the test releases it. */
    private static final class Hold {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void here() {
            reached.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the hold");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The node closes just before a job reads the newest snapshot file: the job reads nothing, writes nothing, and every
     * waiter fails saying the engine is closed. The job is held at its first look at the engine, just before the read.
     */
    @Test
    void aCloseJustBeforeAJobReadsTheNewestSnapshotReadsNothing() throws Exception {
        assertEquals(0, closeWhileAJobIsHeld(true), "snapshot files read");
    }

    /**
     * The node closes while a job reads the newest snapshot file (seconds at a million items) and, having given up
     * waiting, closes the journals under it: the job restores nothing and opens no journal reader (either would fail on
     * the closed journals, a replay failure with its alarm and count), writes nothing, and every waiter fails saying the
     * engine is closed. The job is held inside the store's read.
     */
    @Test
    void aCloseWhileAJobReadsTheNewestSnapshotRestoresNothingAndOpensNoJournal() throws Exception {
        assertEquals(1, closeWhileAJobIsHeld(false), "snapshot files read");
    }

    /**
     * A request at 20 over a store holding the snapshot at 5; the job is held on the follower's thread (before the read
     * or inside it) while the test stops the follower, closes its runner and the journals, then releases it. Returns
     * how many snapshot files the job read.
     */
    private int closeWhileAJobIsHeld(boolean beforeTheRead) throws Exception {
        Hold hold = new Hold();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Files.createDirectories(data.resolve("snapshots"));
        byte[] five = JournalCodec.write(replayedTo(5).snapshot());
        Files.write(snapshotFile(5), five);
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"), SnapshotStore::writeDurably, file -> {
            reads.incrementAndGet();
            if (!beforeTheRead) {
                hold.here();
            }
            return Files.readAllBytes(file);
        }, SnapshotStore::forceDirectory);
        SnapshotFollower.EngineProgress progress = new SnapshotFollower.EngineProgress() {
            @Override
            public long decided() { // read first by a job, before it opens its engine
                if (beforeTheRead) {
                    hold.here();
                }
                return 20;
            }

            @Override
            public long backlog() {
                return 0;
            }
        };
        Journals journals = Journals.open(data);
        fundexchange.agent.AgentRunner thread = null;
        try {
            journalTo(journals, 20);
            SnapshotFollower follower = new SnapshotFollower(journals, store, RequestMemoryKey.FIXED, 0, progress);
            thread = new fundexchange.agent.AgentRunner(follower, follower, follower::halted, Duration.ZERO, true).start();
            List<CompletableFuture<Long>> waiting = new ArrayList<>(List.of(follower.request(mark(20))));
            assertTrue(hold.reached.await(30, TimeUnit.SECONDS), "the job is held");
            waiting.addAll(List.of(follower.written(20), follower.settled(20)));
            follower.stop();
            thread.close(); // returns at once (no wait): the job is still held
            journals.close(); // as the node does once it gave up waiting for the snapshotter
            hold.release.countDown();
            assertTrue(thread.awaitClosed(WAIT));
            assertAllUnavailable(waiting);
            assertEquals(SnapshotStatus.NONE, follower.status(), "no failure counted, nothing written");
        } finally {
            hold.release.countDown();
            if (thread != null) {
                thread.close();
            }
            journals.close();
        }
        try (java.util.stream.Stream<Path> left = Files.list(data.resolve("snapshots"))) {
            assertEquals(List.of(snapshotFile(5).getFileName()), left.map(Path::getFileName).toList(), "nothing written");
        }
        assertArrayEquals(five, Files.readAllBytes(snapshotFile(5)));
        return reads.get();
    }

    /**
     * The engine's real backlog supplier over a real command journal: 0 while the journal is empty, the journal's last
     * index minus the engine's while the journal is ahead, and never below 0 (an engine index past the journal's last
     * read, as a look mid-append can give).
     */
    @Test
    void theBacklogIsTheCommandJournalsLeadOverTheEngineAndNeverNegative() throws Exception {
        java.util.concurrent.atomic.AtomicLong decided = new java.util.concurrent.atomic.AtomicLong();
        try (Journals journals = Journals.open(data)) {
            EngineRunner.Progress progress = new EngineRunner.Progress(journals, decided::get);
            List<Long> looks = new ArrayList<>(List.of(progress.backlog()));
            appendCommands(journals, records(1, 5));
            decided.set(2);
            looks.addAll(List.of(progress.decided(), progress.backlog()));
            decided.set(5);
            looks.add(progress.backlog());
            decided.set(9);
            looks.add(progress.backlog());
            assertEquals(List.of(0L, 2L, 3L, 0L, 0L), looks);
        }
    }

    /** A live engine as the follower sees it: an index the test sets, a backlog of 0, and a count of looks at it. */
    private static final class FakeProgress implements SnapshotFollower.EngineProgress {
        final java.util.concurrent.atomic.AtomicLong decided = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicInteger backlogLooks = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public long decided() {
            return decided.get();
        }

        @Override
        public long backlog() {
            backlogLooks.incrementAndGet();
            return 0;
        }
    }

    private static SnapshotFollower.Mark mark(int index) {
        return new SnapshotFollower.Mark(index, replayedTo(index).nextDeadline());
    }

    /**
     * The floor between periodic jobs (every 10): the job at 10 does not keep up (the engine decides 10 to 25 while it
     * writes), so the periodic marks at 20 and 30 are skipped, up to 25 + 10; a request at 25 is not, and the next
     * periodic job is the one at 40. A job that keeps up (25, which the engine outruns by only 5) raises nothing. A
     * waiter for the skipped 20 is answered by the first snapshot written past it. The engine is the test's
     * {@link FakeProgress}, moved from inside the store's write, so every step is on the follower's thread in order.
     */
    @Test
    void aJobThatDidNotKeepUpSkipsPeriodicMarksForAnIntervalButNeverARequest() throws Exception {
        FakeProgress engine = new FakeProgress();
        java.util.Map<Long, Long> engineAtWrite = java.util.Map.of(10L, 25L, 25L, 30L);
        List<Long> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"), (temp, bytes) -> {
            long index = indexOfTemp(temp);
            writes.add(index);
            engine.decided.set(engineAtWrite.getOrDefault(index, engine.decided()));
            SnapshotStore.writeDurably(temp, bytes);
        });
        try (Journals journals = Journals.open(data)) {
            journalTo(journals, 40);
            SnapshotFollower follower = new SnapshotFollower(journals, store, RequestMemoryKey.FIXED, 10, engine);
            fundexchange.agent.AgentRunner thread = new fundexchange.agent.AgentRunner(follower, follower, follower::halted,
                    WAIT, true).start();
            try {
                engine.decided.set(10);
                follower.post(mark(10));
                assertEquals(10L, follower.settled(10).get(30, TimeUnit.SECONDS));
                CompletableFuture<Long> twenty = follower.written(20);
                follower.post(mark(20));
                follower.post(mark(30));
                assertEquals(25L, follower.request(mark(25)).get(30, TimeUnit.SECONDS), "a request below the floor");
                assertEquals(25L, twenty.get(30, TimeUnit.SECONDS));
                engine.decided.set(40);
                follower.post(mark(40));
                assertEquals(40L, follower.settled(40).get(30, TimeUnit.SECONDS));
                assertEquals(List.of(List.of(10L, 25L, 40L), new SnapshotStatus(0, 40, 0)), List.of(writes, follower.status()));
            } finally {
                thread.close();
            }
        }
    }

    /**
     * A job looks at the engine's backlog once per slice of 1,000 replayed commands (pausing 1 ms when it has one):
     * twice over a replay of 2,500.
     */
    @Test
    void aJobLooksAtTheEnginesBacklogOncePerSliceOfAThousandCommands() throws Exception {
        FakeProgress engine = new FakeProgress();
        try (Journals journals = Journals.open(data)) {
            journalTo(journals, 2_500);
            SnapshotFollower follower = new SnapshotFollower(journals, new SnapshotStore(data.resolve("snapshots")),
                    RequestMemoryKey.FIXED, 0, engine);
            fundexchange.agent.AgentRunner thread = new fundexchange.agent.AgentRunner(follower, follower, follower::halted,
                    WAIT, true).start();
            try {
                assertEquals(2_500L, follower.request(new SnapshotFollower.Mark(2_500, Long.MAX_VALUE)).get(60, TimeUnit.SECONDS));
            } finally {
                thread.close();
            }
        }
        assertEquals(2, engine.backlogLooks.get());
    }

    /**
     * A mark whose next deadline is not the replay's at its index (the engine's cheap fingerprint there) gives no
     * snapshot: the request fails saying the replay differed at that index, and nothing is written.
     */
    @Test
    void aMarkWhoseNextDeadlineIsNotTheReplaysGivesNoSnapshot() throws Exception {
        try (Journals journals = Journals.open(data)) {
            journalTo(journals, 6);
            SnapshotFollower follower = new SnapshotFollower(journals, new SnapshotStore(data.resolve("snapshots")),
                    RequestMemoryKey.FIXED, 0, new FakeProgress());
            fundexchange.agent.AgentRunner thread = new fundexchange.agent.AgentRunner(follower, follower, follower::halted,
                    WAIT, true).start();
            try {
                long forged = replayedTo(6).nextDeadline() == 7 ? 8 : 7;
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> follower.request(new SnapshotFollower.Mark(6, forged)).get(30, TimeUnit.SECONDS));
                assertEquals(List.of(SnapshotFailed.Kind.REPLAY_DIFFERS, "no snapshot at index 6: the snapshotter's replay"
                        + " differed from the journal at index 6, so none at or past it is taken until the node restarts"),
                        List.of(((SnapshotFailed) refused.getCause()).kind(), refused.getCause().getMessage()));
                assertEquals(new SnapshotStatus(1, 0, 6), follower.status());
            } finally {
                thread.close();
            }
        }
        assertFalse(Files.exists(data.resolve("snapshots")), "nothing was written");
    }

    /** The journals of records 1..6, the document at 4 replaced by {@code forge}'s bytes for it. */
    private static void journalWithDocumentFour(Journals journals, java.util.function.UnaryOperator<byte[]> forge) {
        List<CommandRecord> records = records(1, 6);
        appendCommands(journals, records);
        Engine decider = new Engine();
        try (ChronicleJournal.Writer events = journals.events().writer()) {
            for (CommandRecord record : records) {
                byte[] document = JournalCodec.write(decider.apply(record));
                events.append(record.index() == 4 ? forge.apply(document) : document);
            }
        }
    }

    /**
     * A recorded document with other bytes but the same value (here written with a space the codec never writes, as
     * an older build's encoding might differ, CONTRACTS.md 16) passes the follower's check as it passes the engine's
     * start-up replay: the snapshot is written, with the bytes of a replay to 6.
     */
    @Test
    void aRecordedDocumentWithOtherBytesButTheSameValueIsSnapshotted() throws Exception {
        try (Journals journals = Journals.open(data)) {
            journalWithDocumentFour(journals, document -> {
                byte[] spaced = ("{ " + new String(document, 1, document.length - 1, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                assertEquals(JournalCodec.readEvents(document), JournalCodec.readEvents(spaced), "the same value");
                return spaced;
            });
            try (EngineRunner runner = runner(journals, new SnapshotStore(data.resolve("snapshots")), 0).start()) {
                runner.awaitReady(WAIT);
                assertEquals(6L, runner.snapshotNow().get(30, TimeUnit.SECONDS));
                assertEquals(new SnapshotStatus(0, 6, 0), runner.snapshotStatus());
            }
        }
        assertArrayEquals(JournalCodec.write(replayedTo(6).snapshot()), Files.readAllBytes(snapshotFile(6)));
    }

    /**
     * A recorded document with another value gives no snapshot: the request fails saying where the replay differed,
     * the failure is counted and alarmed, and the engine goes on. The engine itself started from a snapshot at 5 (so its
     * own replay checked only 6); the follower, the snapshot gone, replays from the genesis and meets the difference at
     * 4. It remembers it: with the snapshot at 5 back, a second request still fails, without a replay, until a restart.
     */
    @Test
    void aRecordedDocumentWithAnotherValueGivesNoSnapshotAndNoRetryUntilARestart() throws Exception {
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"));
        Path atFive = store.write(replayedTo(5).snapshot());
        byte[] five = Files.readAllBytes(atFive);
        try (Journals journals = Journals.open(data)) {
            journalWithDocumentFour(journals, document -> {
                EventDocument genuine = JournalCodec.readEvents(document);
                return JournalCodec.write(new EventDocument(genuine.version(), genuine.sourceIndex(), genuine.time() + 1,
                        genuine.participant(), genuine.clientRequestId(), genuine.outcome(), genuine.events()));
            });
            try (EngineRunner runner = runner(journals, store, 0).start()) {
                runner.awaitReady(WAIT);
                assertEquals(new SnapshotStatus(0, 5, 0), runner.snapshotStatus(), "the engine restored the snapshot at 5");
                Files.delete(atFive);
                String message = "no snapshot at index 6: the snapshotter's replay differed from the journal at index 4, so"
                        + " none at or past it is taken until the node restarts";
                for (long failures = 1; failures <= 2; failures++) {
                    ExecutionException refused = assertThrows(ExecutionException.class, () -> runner.snapshotNow().get(30, TimeUnit.SECONDS));
                    assertEquals(List.of(SnapshotFailed.Kind.REPLAY_DIFFERS, message),
                            List.of(((SnapshotFailed) refused.getCause()).kind(), refused.getCause().getMessage()));
                    assertEquals(new SnapshotStatus(failures, 5, 6), runner.snapshotStatus());
                    Files.write(atFive, five); // back for the second request: a replay from it would pass
                }
                assertEquals(java.util.Optional.empty(), runner.failure());
            }
            assertEquals(6, journals.lastEvents().orElseThrow().sourceIndex());
        }
        try (java.util.stream.Stream<Path> left = Files.list(data.resolve("snapshots"))) {
            assertEquals(List.of(atFive.getFileName().toString()), left.map(f -> f.getFileName().toString()).toList(),
                    "nothing written");
        }
    }
}
