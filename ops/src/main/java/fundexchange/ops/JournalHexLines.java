package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.audit.bundle.SealedBidWithholding;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.ChainHash;
import fundexchange.protocol.wire.HexDump;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * {@code journal dump --hex|--bytes}: each index's command record and event document as a heading line
 * ({@code index N command record: binary (encoding 2), 376 bytes}) and its bytes (docs/journal-format.md, Hex dumps).
 * A binary document is annotated field by field ({@link HexDump}) under {@code --hex}; a JSON document is shown raw,
 * as every document is under {@code --bytes}. Sealed bids are withheld exactly as in the JSON dump: no byte of a
 * withheld command or of a redacted event document is printed. A document that does not decode far enough to tell
 * whether it is (or holds) a sealed bid is not shown either, only its digest (it counts as refused): the dump fails
 * closed (CONTRACTS.md 12).
 */
final class JournalHexLines {
    private JournalHexLines() {
    }

    /** Prints indexes {@code from} to {@code to}; answers how many binary documents the decoder refused. */
    static int dump(Journals journals, long from, long to, SealedBidWithholding sealed, boolean annotated, PrintWriter out) {
        int refused = 0;
        try (ChronicleJournal.Reader commands = journals.commands().reader();
             ChronicleJournal.Reader events = journals.events().reader()) {
            Optional<byte[]> command;
            for (long index = 1; index <= to && (command = commands.next()).isPresent(); index++) {
                Optional<byte[]> event = events.next();
                if (index < from) {
                    continue;
                }
                Optional<JsonNode> redacted;
                boolean eventReadable = true;
                try {
                    redacted = event.flatMap(sealed::redactedTree);
                } catch (RuntimeException e) {
                    redacted = Optional.empty();
                    eventReadable = false;
                }
                String commandHeading = "index " + index + " command record: ";
                Boolean withheld;
                try {
                    withheld = redacted.isPresent() || sealed.withhold(index, command.get());
                } catch (RuntimeException e) {
                    withheld = null;
                }
                if (withheld == null) {
                    out.println(commandHeading + "not shown: it does not decode far enough to show it is no sealed bid, "
                            + "commandDigest " + digest(command.get()));
                    refused++;
                } else if (withheld) {
                    out.println(commandHeading + "withheld (a sealed bid until its listing closes), commandDigest "
                            + digest(command.get()));
                } else {
                    refused += document(commandHeading, command.get(), annotated, out);
                }
                String eventHeading = "index " + index + " event document: ";
                if (event.isEmpty()) {
                    out.println(eventHeading + "none yet");
                } else if (!eventReadable) {
                    out.println(eventHeading + "not shown: it does not decode far enough to show it holds no sealed bid's "
                            + "price, digest " + digest(event.get()));
                    refused++;
                } else if (redacted.isPresent()) {
                    out.println(eventHeading + "redacted (a sealed bid's price), as JSON: " + redacted.get());
                } else {
                    refused += document(eventHeading, event.get(), annotated, out);
                }
            }
        }
        return refused;
    }

    private static String digest(byte[] document) {
        return ChainHash.hex(ChainHash.digest(document));
    }

    private static int document(String heading, byte[] document, boolean annotated, PrintWriter out) {
        if (!JournalDocuments.isBinary(document)) {
            out.println(heading + "JSON (encoding 1), " + document.length + " bytes"
                    + (annotated ? ", raw: JSON has no binary layout" : ""));
            out.print(HexDump.raw(document));
            return 0;
        }
        out.println(heading + "binary (encoding " + (document.length > 1 ? Integer.toString(document[1] & 0xFF) : "?") + "), "
                + document.length + " bytes");
        if (!annotated) {
            out.print(HexDump.raw(document));
            return 0;
        }
        HexDump.Walk walk = HexDump.walk(document);
        out.print(HexDump.render(walk));
        return walk.accepted() ? 0 : 1;
    }
}
