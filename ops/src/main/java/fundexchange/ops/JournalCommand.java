package fundexchange.ops;

import fundexchange.engine.Engine;
import fundexchange.journal.CommandRecord;
import fundexchange.journal.EventDocument;
import fundexchange.runner.EngineRunner;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exchange journal dump|replay}: read the journals of a data directory (offline, or beside a running node). */
@Command(name = "journal", description = "Journal tools.", subcommands = {JournalCommand.Dump.class, JournalCommand.Replay.class})
final class JournalCommand {
    private static Journals open(Path dataDirectory) {
        if (!Files.isDirectory(dataDirectory.resolve("journal").resolve("commands"))) {
            throw new IllegalArgumentException(dataDirectory + " holds no journal");
        }
        return Journals.open(dataDirectory);
    }

    /** Prints each index's command record and event document as JSON lines. */
    @Command(name = "dump", description = "Prints command records and event documents as JSON lines.")
    static final class Dump implements Runnable {
        @Option(names = "--data-dir", required = true)
        Path dataDirectory;
        @Option(names = "--from", defaultValue = "1", description = "first index (default: ${DEFAULT-VALUE})")
        long from;
        @Option(names = "--to", defaultValue = "" + Long.MAX_VALUE, description = "last index (default: the end)")
        long to;

        @Override
        public void run() {
            PrintStream out = System.out;
            try (Journals journals = open(dataDirectory);
                 Journals.TypedReader<CommandRecord> commands = journals.commandReader();
                 Journals.TypedReader<EventDocument> events = journals.eventReader()) {
                long index = 0;
                Optional<JournalEntry<CommandRecord>> command;
                while ((command = commands.next()).isPresent() && ++index <= to) {
                    Optional<JournalEntry<EventDocument>> event = events.next();
                    if (index < from) {
                        continue;
                    }
                    out.println("{\"index\":" + index + ",\"command\":" + text(command.get().bytes())
                            + ",\"event\":" + event.map(e -> text(e.bytes())).orElse("null") + "}");
                }
            }
        }

        private static String text(byte[] document) {
            return new String(document, StandardCharsets.UTF_8);
        }
    }

    /** Replays the command journal through a fresh engine, comparing every recorded event document. */
    @Command(name = "replay", description = "Replays the journal, verifying every recorded event document (--verify).")
    static final class Replay implements Runnable {
        @Option(names = "--data-dir", required = true)
        Path dataDirectory;
        @Option(names = "--verify", required = true, description = "compare each recomputed document with the recorded one")
        boolean verify;

        @Override
        public void run() {
            try (Journals journals = open(dataDirectory)) {
                long total = journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L);
                Engine engine = new Engine();
                Progress progress = new Progress(total, System.err);
                long verified = EngineRunner.verifyReplay(journals, engine, progress::at);
                progress.done();
                System.out.println("replayed and verified " + verified + " documents; state hash " + engine.stateHash());
            }
        }
    }
}
