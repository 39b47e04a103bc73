package fundexchange.runner;

import fundexchange.protocol.RulesVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.engine.Engine;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.sequencer.Sequencer;
import fundexchange.sequencer.SequencerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineRunnerTest {
    /** Distinct well-formed Ed25519 SubjectPublicKeyInfos (prefix and a distinct last byte); nothing is verified here. */
    private static String key(int n) {
        byte[] der = new byte[44];
        System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
        der[43] = (byte) n;
        return Base64.getEncoder().encodeToString(der);
    }

    @TempDir
    Path data;

    private static Genesis genesis() {
        return new Genesis("exchange-k1", "ED25519", key(0), List.of(
                new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", key(1)),
                new GenesisParticipant("Staff-02", "Staff Two", Role.STAFF, "Staff-02-k1", "ED25519", key(2)),
                new GenesisParticipant("Staff-03", "Staff Three", Role.STAFF, "Staff-03-k1", "ED25519", key(3)),
                new GenesisParticipant("Regulator-01", "Regulator", Role.REGULATOR, "Regulator-01-k1", "ED25519", key(4))), RulesVersion.CURRENT);
    }

    private static SignedRequest request(String crid, long at) {
        return new SignedRequest("Staff-01", "Staff-01-k1", "ED25519", "c2ln", at, crid, "POST", "/participants", "", "d-" + crid, "{}");
    }

    /** How a query was answered: its value, or its failure's type and message. */
    private static String answer(java.util.concurrent.CompletableFuture<?> query) {
        try {
            return "value " + query.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the query was never answered", e);
        }
    }

    /**
     * Every query is answered: a read that throws an Error fails its own query and the engine answers the next; a
     * query asked after the engine closed fails at once, saying so.
     */
    @Test
    void aQueryThatThrowsAnErrorFailsAloneAndOneAskedAfterCloseFails() {
        java.util.concurrent.CompletableFuture<Long> afterClose;
        try (Journals journals = Journals.open(data)) {
            EngineRunner runner = new EngineRunner(journals).start();
            runner.awaitReady(java.time.Duration.ofSeconds(30));
            java.util.concurrent.CompletableFuture<Long> broken = runner.query(e -> {
                throw new AssertionError("a broken read");
            });
            java.util.concurrent.CompletableFuture<Long> next = runner.query(Engine::lastIndex);
            assertEquals(List.of("AssertionError: a broken read", "value 0", java.util.Optional.empty()),
                    List.of(answer(broken), answer(next), runner.failure()));
            runner.close();
            afterClose = runner.query(Engine::lastIndex);
        }
        assertEquals("IllegalStateException: the engine is closed; the query was not run", answer(afterClose));
    }

    /** Queries waiting when the engine halts, and those asked after, fail with the halt's reason. */
    @Test
    void queriesPendingAtAHaltAndAskedAfterItFailWithItsReason() {
        try (Journals journals = Journals.open(data)) {
            try (ChronicleJournal.Writer commands = journals.commands().writer();
                 ChronicleJournal.Writer events = journals.events().writer()) {
                CommandRecord record = CommandRecord.unsigned(1, 1_795_000_000_000L, genesis());
                commands.append(JournalCodec.write(record));
                EventDocument genuine = new Engine().apply(record);
                events.append(JournalCodec.write(new EventDocument(genuine.version(), 1, genuine.time() + 1, null, null,
                        genuine.outcome(), genuine.events())));
            }
            try (EngineRunner runner = new EngineRunner(journals)) {
                java.util.concurrent.CompletableFuture<Long> pending = runner.query(Engine::lastIndex);
                runner.start();
                assertThrows(IllegalStateException.class, () -> runner.awaitReady(java.time.Duration.ofSeconds(30)));
                String halted = "IllegalStateException: the engine halted; the query was not run: "
                        + runner.failure().orElseThrow().getMessage();
                assertEquals(List.of(halted, halted), List.of(answer(pending), answer(runner.query(Engine::lastIndex))));
            }
        }
    }

    /** A query its caller gave up on (cancelled while the engine thread was busy) is dropped, never run later. */
    @Test
    void aCancelledQueryIsDroppedUnrun() throws Exception {
        try (Journals journals = Journals.open(data);
             EngineRunner runner = new EngineRunner(journals).start()) {
            runner.awaitReady(java.time.Duration.ofSeconds(30));
            java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.CompletableFuture<Boolean> blocking = runner.query(e -> {
                busy.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            assertTrue(busy.await(30, TimeUnit.SECONDS));
            java.util.concurrent.CompletableFuture<String> abandoned = runner.query(e -> {
                ran.add("abandoned");
                return "abandoned";
            });
            java.util.concurrent.CompletableFuture<String> kept = runner.query(e -> {
                ran.add("kept");
                return "kept";
            });
            abandoned.cancel(false);
            release.countDown();
            assertEquals(List.of(true, "kept", List.of("kept")), List.of(blocking.get(30, TimeUnit.SECONDS),
                    kept.get(30, TimeUnit.SECONDS), List.copyOf(ran)));
        }
    }

    @Test
    void sequencedCommandsGetOneDocumentEachAndRestartReproducesTheStateHash() throws Exception {
        Clock clock = Clock.systemUTC();
        String hash;
        try (Journals journals = Journals.open(data)) {
            try (ChronicleJournal.Writer writer = journals.commands().writer()) {
                writer.append(JournalCodec.write(CommandRecord.unsigned(1, clock.millis(), genesis())));
            }
            try (EngineRunner runner = new EngineRunner(journals).start();
                 Sequencer sequencer = new Sequencer(journals, clock, SequencerConfig.DEFAULTS, runner::nextDeadline).start()) {
                long index = 0;
                for (int i = 1; i <= 20; i++) {
                    index = sequencer.submit(request("r" + i, clock.millis()), new RegisterParticipant("Investor-" + i,
                            "Demo Investor " + i, ParticipantType.INSTITUTION, List.of(Role.INVESTOR))).get(10, TimeUnit.SECONDS);
                }
                assertEquals(21, index);
                assertTrue(runner.awaitIndex(21, Duration.ofSeconds(30)), "the engine decided up to 21");
                hash = runner.query(Engine::stateHash).get(10, TimeUnit.SECONDS);
            }
            EventDocument last = journals.lastEvents().orElseThrow();
            assertEquals(21, last.sourceIndex());
            assertEquals(OutcomeStatus.ACCEPTED, last.outcome().status());
        }
        try (Journals journals = Journals.open(data); EngineRunner restarted = new EngineRunner(journals).start()) {
            String again = restarted.query(Engine::stateHash).get(20, TimeUnit.SECONDS);
            assertEquals(hash, again);
            assertTrue(restarted.failure().isEmpty());
        }
    }

    @Test
    void restartFromTheNewestSnapshotPlusTheJournalTailReproducesTheStateHash() throws Exception {
        Clock clock = Clock.systemUTC();
        SnapshotStore store = new SnapshotStore(data.resolve("snapshots"));
        String hash;
        try (Journals journals = Journals.open(data)) {
            try (ChronicleJournal.Writer writer = journals.commands().writer()) {
                writer.append(JournalCodec.write(CommandRecord.unsigned(1, clock.millis(), genesis())));
            }
            try (EngineRunner runner = new EngineRunner(journals, store, 10).start();
                 Sequencer sequencer = new Sequencer(journals, clock, SequencerConfig.DEFAULTS, runner::nextDeadline).start()) {
                for (int i = 1; i <= 24; i++) {
                    long index = sequencer.submit(request("s" + i, clock.millis()), new RegisterParticipant("Investor-" + i,
                            "Demo Investor " + i, ParticipantType.INSTITUTION, List.of(Role.INVESTOR))).get(10, TimeUnit.SECONDS);
                    if (index == 10) { // step with the snapshotter: the job at 10 ends before the engine moves on (no floor)
                        assertTrue(runner.awaitIndex(10, Duration.ofSeconds(30)));
                        assertEquals(10L, runner.snapshotSettled(10).get(10, TimeUnit.SECONDS));
                    }
                }
                assertTrue(runner.awaitIndex(25, Duration.ofSeconds(30)), "the engine decided up to 25");
                assertEquals(20L, runner.snapshotWritten(20).get(10, TimeUnit.SECONDS), "the periodic one, off the engine thread");
                assertEquals(25, runner.snapshotNow().get(10, TimeUnit.SECONDS));
                hash = runner.query(Engine::stateHash).get(10, TimeUnit.SECONDS);
            }
        }
        assertEquals(20, store.latest(24).orElseThrow().lastIndex(), "a snapshot every 10 commands");
        java.nio.file.Files.delete(data.resolve("snapshots").resolve(String.format("snapshot-%020d.json", 25)));
        try (Journals journals = Journals.open(data); EngineRunner restarted = new EngineRunner(journals, store, 10).start()) {
            restarted.awaitReady(java.time.Duration.ofSeconds(20));
            assertEquals(hash, restarted.query(Engine::stateHash).get(20, TimeUnit.SECONDS));
            assertEquals(25, restarted.lastIndex());
        }
    }

    @Test
    void aFailedSnapshotIsAnAlarmAndACountNeverAHalt() throws Exception {
        Clock clock = Clock.systemUTC();
        Path blocked = data.resolve("snapshots");
        java.nio.file.Files.writeString(blocked, "a file where the snapshot directory should be");
        try (Journals journals = Journals.open(data)) {
            try (ChronicleJournal.Writer writer = journals.commands().writer()) {
                writer.append(JournalCodec.write(CommandRecord.unsigned(1, clock.millis(), genesis())));
            }
            try (EngineRunner runner = new EngineRunner(journals, new SnapshotStore(blocked), 5).start();
                 Sequencer sequencer = new Sequencer(journals, clock, SequencerConfig.DEFAULTS, runner::nextDeadline).start()) {
                for (int i = 1; i <= 24; i++) {
                    long index = sequencer.submit(request("f" + i, clock.millis()), new RegisterParticipant("Investor-" + i,
                            "Demo Investor " + i, ParticipantType.INSTITUTION, List.of(Role.INVESTOR))).get(10, TimeUnit.SECONDS);
                    if (index % 5 == 0) { // step with the snapshotter: each periodic job ends before the next is marked
                        assertTrue(runner.awaitIndex(index, java.time.Duration.ofSeconds(30)));
                        assertEquals(index, runner.snapshotSettled(index).get(10, TimeUnit.SECONDS));
                    }
                }
                assertTrue(runner.awaitIndex(25, java.time.Duration.ofSeconds(30)));
                assertEquals(java.util.Optional.empty(), runner.failure());
                assertEquals(new SnapshotStatus(5, 0, 25), runner.snapshotStatus());
                java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> runner.snapshotNow().get(10, TimeUnit.SECONDS));
                assertEquals(SnapshotFailed.class, refused.getCause().getClass());
                assertEquals("the snapshot at index 25 could not be written", refused.getCause().getMessage());
                assertEquals(new SnapshotStatus(6, 0, 25), runner.snapshotStatus());

                java.nio.file.Files.delete(blocked);
                long next = sequencer.submit(request("f25", clock.millis()), new RegisterParticipant("Investor-25",
                        "Demo Investor 25", ParticipantType.INSTITUTION, List.of(Role.INVESTOR))).get(10, TimeUnit.SECONDS);
                assertTrue(runner.awaitIndex(next, java.time.Duration.ofSeconds(30)));
                assertEquals(OutcomeStatus.ACCEPTED, journals.lastEvents().orElseThrow().outcome().status());
                assertEquals(26L, runner.snapshotNow().get(10, TimeUnit.SECONDS));
                assertEquals(new SnapshotStatus(6, 26, 25), runner.snapshotStatus());
            }
        }
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(blocked)) {
            assertEquals(List.of(String.format("snapshot-%020d.json", 26)), left.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void replayHaltsAtTheFirstDocumentThatDiffers() {
        try (Journals journals = Journals.open(data)) {
            try (ChronicleJournal.Writer commands = journals.commands().writer();
                 ChronicleJournal.Writer events = journals.events().writer()) {
                CommandRecord record = CommandRecord.unsigned(1, 1_795_000_000_000L, genesis());
                commands.append(JournalCodec.write(record));
                EventDocument genuine = new Engine().apply(record);
                EventDocument forged = new EventDocument(genuine.version(), 1, genuine.time() + 1, null, null,
                        genuine.outcome(), genuine.events());
                events.append(JournalCodec.write(forged));
            }
            IllegalStateException halted = assertThrows(IllegalStateException.class,
                    () -> EngineRunner.verifyReplay(journals, new Engine()));
            assertTrue(halted.getMessage().contains("index 1"), halted.getMessage());
        }
    }

    /**
     * CONTRACTS.md 16: a journal whose genesis records another rules version (here none: version 1, a journal from
     * before rules versions) is refused before anything is replayed or written, by the runner and by
     * {@code journal replay --verify}'s {@link EngineRunner#verifyReplay}; its recorded documents stay untouched.
     */
    @Test
    void refusesToStartOnAJournalOfAnotherRulesVersion() {
        Genesis current = genesis();
        Genesis legacy = new Genesis(current.exchangeKeyId(), current.exchangeAlgorithm(), current.exchangePublicKey(),
                current.participants(), null);
        try (Journals journals = Journals.open(data)) {
            try (ChronicleJournal.Writer commands = journals.commands().writer();
                 ChronicleJournal.Writer events = journals.events().writer()) {
                commands.append(JournalCodec.write(CommandRecord.unsigned(1, 1_795_000_000_000L, legacy)));
                EventDocument decided = new Engine().apply(CommandRecord.unsigned(1, 1_795_000_000_000L, current));
                events.append(JournalCodec.write(decided));
            }
            String refusal = "the journal follows rules version 1; this engine decides by rules versions 2 to " + fundexchange.protocol.RulesVersion.CURRENT + " and refuses"
                    + " to replay it (the journal stays verifiable with exchange audit verify) / journal 遵循规则版本 1；"
                    + "本引擎按规则版本 2 至 " + fundexchange.protocol.RulesVersion.CURRENT + " 决定，拒绝重放该日志（该日志仍可用 exchange audit verify 验证）";
            Engine engine = new Engine();
            RulesVersion.Refused replay = assertThrows(RulesVersion.Refused.class, () -> EngineRunner.verifyReplay(journals, engine));
            assertEquals(refusal, replay.getMessage());
            assertEquals(0, engine.lastIndex());
            try (EngineRunner runner = new EngineRunner(journals).start()) {
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> runner.awaitReady(java.time.Duration.ofSeconds(20)));
                assertEquals("engine refused to start: " + refusal, refused.getMessage());
                assertEquals(0, runner.lastIndex());
            }
            assertEquals(1, journals.lastEvents().orElseThrow().sourceIndex());
        }
    }
}
