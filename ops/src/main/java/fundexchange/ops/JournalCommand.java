package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.audit.bundle.SealedBidWithholding;
import fundexchange.engine.Engine;
import fundexchange.protocol.ChainHash;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.runner.EngineRunner;
import fundexchange.runner.JournalRequests;
import fundexchange.runner.RequestKeys;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.chronicle.Journals;
import fundexchange.journal.chronicle.SegmentListing;
import fundexchange.build.BuildInfo;
import fundexchange.protocol.wire.HexDump;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code exchange journal dump|replay|info}: read the journals of a data directory (offline, or beside a running node). */
@Command(name = "journal", description = "Journal tools.",
        subcommands = {JournalCommand.Dump.class, JournalCommand.Replay.class, JournalCommand.Info.class})
final class JournalCommand {
    private static Journals open(Path dataDirectory) {
        if (!Files.isDirectory(dataDirectory.resolve("journal").resolve("commands"))) {
            throw new IllegalArgumentException(dataDirectory + " holds no journal");
        }
        return Journals.open(dataDirectory);
    }

    /**
     * Prints each index's command record and event document as JSON lines. Sealed bids stay sealed (CONTRACTS.md 12):
     * unless the event journal shows the bid's listing closed at or before the dump's last index ({@code --to}, or
     * the journal's end), a {@code PlaceSealedBid} or {@code AmendSealedBid} line carries {@code "commandWithheld":true}
     * and the command's {@code commandDigest} instead of the command, and its event document loses every
     * {@code SealedBidPlaced} price ({@code "eventRedacted":true}); see {@link SealedBidWithholding}. A sealed bid is
     * known by every part of its record (a bid whose type id was changed into another command's is still one), and an
     * accepted one whose event document holds no {@code SealedBidPlaced} of its own stops the dump, naming its index.
     *
     * <p>{@code --hex} prints each document's bytes instead (docs/journal-format.md, Hex dumps): a binary one annotated
     * field by field by {@link HexDump}, a JSON one raw (JSON has no binary layout), each under a heading line
     * {@code index N command record|event document: ...}. {@code --bytes} prints every document raw; the two exclude
     * each other (a usage error). Both fail closed: a document's bytes are shown only when the strict decoder accepts
     * it and it is known to be no open sealed bid ({@link JournalHexLines}); a refused document shows its header, a
     * {@code !!} reason line and its digest. An event document that does not decode does not stop the dump; from it
     * on every sealed bid stays withheld ({@link SealedBidWithholding#tolerating}). A sealed bid whose event document is
     * not written yet (a live node between its two appends) stays withheld in every mode: its outcome is not known. The command fails (exit code 1)
     * after printing everything when a document was refused or could not be shown.
     */
    @Command(name = "dump", description = "Prints command records and event documents as JSON lines (sealed bids withheld until their listing closes); --hex or --bytes prints their bytes.")
    static final class Dump implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--data-dir", required = true)
        Path dataDirectory;
        @Option(names = "--from", defaultValue = "1", description = "first index (default: ${DEFAULT-VALUE})")
        long from;
        @Option(names = "--to", defaultValue = "" + Long.MAX_VALUE, description = "last index (default: the end)")
        long to;
        @Option(names = "--hex", description = "prints each document's bytes in hex: a binary one annotated field by field, a JSON one raw")
        boolean hex;
        @Option(names = "--bytes", description = "prints each document's bytes in hex as written, without annotations")
        boolean bytes;

        @Override
        public void run() {
            if (hex && bytes) {
                throw new ParameterException(spec.commandLine(), "--hex and --bytes exclude each other");
            }
            PrintWriter out = spec.commandLine().getOut();
            ConsoleLogging.toDataDirectory(dataDirectory, "journal");
            JournalHexLines.Unshown unshown = null;
            try (Journals journals = open(dataDirectory)) {
                if (hex || bytes) {
                    long last = Math.min(to, JournalHexLines.records(journals));
                    unshown = JournalHexLines.dump(journals, from, last, SealedBidWithholding.tolerating(journals, last), hex, out);
                } else {
                    long last = Math.min(to, journals.lastCommand().map(CommandRecord::index).orElse(0L));
                    dump(journals, from, last, SealedBidWithholding.through(journals, last), out);
                }
            }
            out.flush();
            if (unshown != null && unshown.any()) {
                throw new IllegalStateException(unshown.refused() + " document(s) refused by this build's decoder"
                        + (unshown.notShown() > 0 ? " and " + unshown.notShown() + " that could not be redacted" : "")
                        + ": see the lines starting with !! or containing 'not shown'");
            }
        }

        static void dump(Journals journals, long from, long to, SealedBidWithholding sealed, PrintWriter out) {
            JournalIndexes.each(journals, from, to, (index, command, event) -> out.println(line(index, command, event, sealed)));
        }

        private static String line(long index, byte[] command, Optional<byte[]> event, SealedBidWithholding sealed) {
            Optional<JsonNode> redacted = event.flatMap(sealed::redactedTree);
            StringBuilder line = new StringBuilder("{\"index\":").append(index);
            if (redacted.isPresent() || sealed.withhold(index, command)) {
                line.append(",\"commandWithheld\":true,\"commandDigest\":\"")
                        .append(ChainHash.hex(ChainHash.digest(command))).append('"');
            } else {
                line.append(",\"command\":").append(text(command));
            }
            line.append(",\"event\":").append(redacted.map(JsonNode::toString).orElseGet(() -> event.map(Dump::text).orElse("null")));
            if (redacted.isPresent()) {
                line.append(",\"eventRedacted\":true");
            }
            return line.append('}').toString();
        }

        /** A document as JSON: its bytes when JSON, a binary one's rendering (what the JSON writer writes for it). */
        private static String text(byte[] document) {
            return JournalDocuments.text(document);
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
            ConsoleLogging.toDataDirectory(dataDirectory, "journal");
            try (Journals journals = open(dataDirectory); JournalRequests journaled = new JournalRequests(journals)) {
                long total = journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L);
                Engine engine = new Engine(journaled, RequestKeys.fresh());
                long verified = Step.run("replaying and verifying the journal / 重放并校验日志 (" + total + " documents)",
                        step -> EngineRunner.verifyReplay(journals, engine, done -> step.progress(done, total)));
                System.out.println("replayed and verified " + verified + " documents; state hash " + engine.stateHash());
            }
        }
    }

    /**
     * Lists each cycle file of both journals with its documents and the version and commit that wrote its first record
     * (docs/journal-format.md, Writer provenance). Reads the files' frames only, so it works on a copy too.
     */
    @Command(name = "info", description = "Lists each journal file with its documents and the version and commit that wrote its first record.")
    static final class Info implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--data-dir", required = true)
        Path dataDirectory;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Path journal = dataDirectory.resolve("journal");
            if (!Files.isDirectory(journal.resolve("commands"))) {
                throw new IllegalArgumentException(dataDirectory + " holds no journal");
            }
            out.println("this build / 当前版本: " + BuildInfo.current().describe());
            for (String name : List.of("commands", "events")) {
                if (Files.isDirectory(journal.resolve(name))) {
                    SegmentListing.lines(name, journal.resolve(name)).forEach(out::println);
                }
            }
            out.flush();
        }
    }
}
