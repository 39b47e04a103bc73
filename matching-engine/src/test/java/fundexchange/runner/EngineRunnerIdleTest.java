package fundexchange.runner;

import fundexchange.engine.RulesVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.engine.command.Genesis;
import fundexchange.engine.command.GenesisParticipant;
import fundexchange.engine.command.Tick;
import fundexchange.engine.reference.Role;
import fundexchange.journal.CommandRecord;
import fundexchange.journal.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.OutcomeStatus;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineRunnerIdleTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[44]);
    private static final long START = 1_795_000_000_000L;

    @TempDir
    Path data;

    @Test
    void aBusySpinningRunnerDecidesCommandsAppendedWhileItIdles() throws Exception {
        try (Journals journals = Journals.open(data);
             EngineRunner runner = new EngineRunner(journals, null, 0, EngineRunner.Idle.BUSY_SPIN).start();
             ChronicleJournal.Writer commands = journals.commands().writer()) {
            runner.awaitReady(Duration.ofSeconds(20));
            commands.append(JournalCodec.write(CommandRecord.unsigned(1, START, new Genesis("exchange-k1", "ED25519", KEY,
                    List.of(new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", KEY)), RulesVersion.CURRENT))));
            Thread.sleep(50);
            commands.append(JournalCodec.write(CommandRecord.unsigned(2, START + 1, new Tick())));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (runner.lastIndex() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(2, runner.lastIndex());
            assertTrue(runner.failure().isEmpty());
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
            assertThrows(NullPointerException.class, () -> new EngineRunner(journals, null, 0, null));
        }
    }
}
