package fundexchange.ops.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.ops.ExchangeCommand;
import fundexchange.ops.verify.JournalVerifier;
import fundexchange.ops.verify.Verdict;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.runner.EngineRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory whose journals hold JSON documents and then binary ones (an upgrade in place: every document names
 * its own encoding) is read by everything: the engine runner replays and verifies it, restarts on it and continues
 * it; {@code exchange verify} passes, re-checking every signature and replaying each document in its own encoding;
 * and {@code journal dump} prints it exactly as it prints the same recording written all in JSON, as it does the
 * recording written all in binary and one whose two journals switch at different indexes. The recording is the real exchange's up to its first checkpoint (a checkpoint
 * signs the chain over the bytes as written, so documents transcoded after it cannot verify against it).
 */
class MixedJournalTest {
    private static final long JSON_DOCUMENTS = 12;
    /** The event journal of the skewed directory switches later than its command journal: they switch independently. */
    private static final long JSON_EVENTS_SKEWED = 15;
    private final RecordedExchange recorded = RecordedExchange.shared();
    @TempDir
    Path temp;

    @Test
    void aJournalOfJsonThenBinaryDocumentsReplaysRestartsContinuesVerifiesAndDumpsAsTheJsonOne() {
        List<byte[]> commands = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        read(commands, events);
        long toIndex = commands.size();
        assertTrue(toIndex > 2 * JSON_DOCUMENTS, toIndex + " documents before the first checkpoint");
        Path json = write("json", commands, events, toIndex, toIndex);
        Path mixed = write("mixed", commands, events, JSON_DOCUMENTS, JSON_DOCUMENTS);
        Path skewed = write("skewed", commands, events, JSON_DOCUMENTS, JSON_EVENTS_SKEWED);
        Path binary = write("binary", commands, events, 0, 0);
        assertEquals(List.of('{', '{', (char) 0xFE), List.of(first(mixed, JSON_DOCUMENTS), first(mixed, 1),
                first(mixed, JSON_DOCUMENTS + 1)), "JSON documents, then binary ones");

        String jsonDump = dump(json, toIndex);
        assertEquals(toIndex, jsonDump.lines().count());
        assertEquals(jsonDump, dump(mixed, toIndex), "the mixed journal dumps as the JSON one");
        assertEquals(jsonDump, dump(binary, toIndex), "the binary journal dumps as the JSON one");
        assertEquals(jsonDump, dump(skewed, toIndex), "journals that switch at different indexes dump as the JSON one");

        long last = runTwiceAndContinue(mixed, toIndex);
        assertEquals(toIndex + 1, last);
        for (Path data : List.of(mixed, skewed, binary)) {
            Verdict verdict = JournalVerifier.verify(data, false, index -> { });
            assertEquals(Optional.empty(), verdict.failure(), data.getFileName().toString());
            assertEquals(data == mixed ? toIndex + 1 : toIndex, verdict.indexesVerified());
            assertTrue(verdict.signaturesVerified() > 10, verdict.signaturesVerified() + " signatures");
            assertEquals(JournalVerifier.verify(json, false, index -> { }).signaturesVerified(), verdict.signaturesVerified());
        }
    }

    /** Replays {@code data}, restarts on it and applies one more (binary) command; the runner writes its document. */
    private static long runTwiceAndContinue(Path data, long toIndex) {
        try (Journals journals = Journals.open(data)) {
            try (EngineRunner runner = new EngineRunner(journals).start()) {
                runner.awaitReady(Duration.ofSeconds(60));
                assertEquals(toIndex, runner.lastIndex());
            }
        }
        try (Journals journals = Journals.open(data)) {
            long time = journals.lastEvents().orElseThrow().time();
            try (EngineRunner runner = new EngineRunner(journals).start()) {
                runner.awaitReady(Duration.ofSeconds(60));
                assertEquals(toIndex, runner.lastIndex(), "the restarted runner replays both encodings");
                try (ChronicleJournal.Writer commands = journals.commands().writer()) {
                    commands.append(JournalDocuments.encode(CommandRecord.unsigned(toIndex + 1, time, new Tick()),
                            JournalEncoding.BINARY));
                }
                assertTrue(runner.awaitIndex(toIndex + 1, Duration.ofSeconds(60)), "the runner continues the journal");
                assertEquals(Optional.empty(), runner.failure());
                return runner.lastIndex();
            }
        }
    }

    /** The recording's documents as written, up to (not including) its first checkpoint. */
    private void read(List<byte[]> commands, List<byte[]> events) {
        try (Journals journals = Journals.open(recorded.dataDirectory());
             ChronicleJournal.Reader commandReader = journals.commands().reader();
             ChronicleJournal.Reader eventReader = journals.events().reader()) {
            for (Optional<byte[]> next = commandReader.next(); next.isPresent(); next = commandReader.next()) {
                if (JournalCodec.readCommand(next.get()).command() instanceof Checkpoint) {
                    return;
                }
                commands.add(next.get());
                events.add(eventReader.next().orElseThrow());
            }
        }
    }

    /**
     * A data directory with the documents: the first {@code jsonCommands} command records and {@code jsonEvents} event
     * documents as written (JSON), the rest in binary.
     */
    private Path write(String name, List<byte[]> commands, List<byte[]> events, long jsonCommands, long jsonEvents) {
        Path data = temp.resolve(name);
        try (Journals journals = Journals.open(data); ChronicleJournal.Writer commandWriter = journals.commands().writer();
             ChronicleJournal.Writer eventWriter = journals.events().writer()) {
            for (int i = 0; i < commands.size(); i++) {
                CommandRecord record = JournalCodec.readCommand(commands.get(i));
                EventDocument document = JournalCodec.readEvents(events.get(i));
                commandWriter.append(i < jsonCommands ? commands.get(i) : JournalBinary.encode(record));
                eventWriter.append(i < jsonEvents ? events.get(i) : JournalBinary.encode(document));
            }
        }
        return data;
    }

    private static char first(Path data, long index) {
        try (Journals journals = Journals.open(data); ChronicleJournal.Reader reader = journals.events().reader()) {
            byte[] document = null;
            for (long i = 1; i <= index; i++) {
                document = reader.next().orElseThrow();
            }
            return (char) (document[0] & 0xFF);
        }
    }

    private static String dump(Path data, long toIndex) {
        StringWriter out = new StringWriter();
        var cli = ExchangeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("journal", "dump", "--data-dir", data.toString(), "--to", String.valueOf(toIndex)));
        return out.toString();
    }
}
