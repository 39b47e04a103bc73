package fundexchange.runner;

import fundexchange.protocol.RulesVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineRunnerIdleTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[44]);
    private static final long START = 1_795_000_000_000L;

    @TempDir
    Path data;

    @Test
    void aBusySpinningRunnerDecidesCommandsAppendedWhileItIdles() throws Exception {
        IdleGate gate = new IdleGate(EngineRunner.Idle.BUSY_SPIN);
        try (Journals journals = Journals.open(data);
             EngineRunner runner = new EngineRunner(journals, null, 0, gate).start();
             ChronicleJournal.Writer commands = journals.commands().writer()) {
            runner.awaitReady(Duration.ofSeconds(20));
            gate.awaitIdle();
            commands.append(JournalCodec.write(CommandRecord.unsigned(1, START, new Genesis("exchange-k1", "ED25519", KEY,
                    List.of(new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", KEY)), RulesVersion.CURRENT))));
            gate.resume();
            gate.awaitIdle();
            assertEquals(1, runner.lastIndex(), "decided on the first poll after idling");
            commands.append(JournalCodec.write(CommandRecord.unsigned(2, START + 1, new Tick())));
            gate.resume();
            gate.awaitIdle();
            assertEquals(2, runner.lastIndex(), "decided on the first poll after idling");
            assertEquals(0, gate.mostEmptyPolls, "a busy-spinning runner never backs off");
            assertTrue(runner.failure().isEmpty());
            gate.open();
        }
        try (Journals journals = Journals.open(data)) {
            EventDocument last = journals.lastEvents().orElseThrow();
            assertEquals(2, last.sourceIndex());
            assertEquals(OutcomeStatus.ACCEPTED, last.outcome().status());
        }
    }

    @Test
    void anIdleStrategyIsRequired() {
        try (Journals journals = Journals.open(data)) {
            assertThrows(NullPointerException.class, () -> new EngineRunner(journals, null, 0, (EngineRunner.Idle) null));
        }
    }

    /**
     * An idle strategy that holds the engine thread at each empty poll until the test lets it go on as {@code idle}
     * does, so the test knows the runner is idling when it appends, and that it polled again, without spinning.
     */
    private static final class IdleGate implements IntUnaryOperator {
        private final EngineRunner.Idle idle;
        private final Semaphore idling = new Semaphore(0);
        private final Semaphore resume = new Semaphore(0);
        private volatile boolean open;
        private volatile int mostEmptyPolls;

        IdleGate(EngineRunner.Idle idle) {
            this.idle = idle;
        }

        @Override
        public int applyAsInt(int emptyPolls) {
            mostEmptyPolls = Math.max(mostEmptyPolls, emptyPolls);
            if (!open) {
                idling.release();
                resume.acquireUninterruptibly();
            }
            return idle.afterEmptyPoll(emptyPolls);
        }

        /** Blocks until the engine thread has found the command journal empty and waits at the gate. */
        void awaitIdle() throws InterruptedException {
            assertTrue(idling.tryAcquire(60, TimeUnit.SECONDS), "the engine thread never idled"); // a hang guard only
        }

        void resume() {
            resume.release();
        }

        /** Lets the engine thread idle freely from now on, so that it can see it is closed. */
        void open() {
            open = true;
            resume.release();
        }
    }
}
