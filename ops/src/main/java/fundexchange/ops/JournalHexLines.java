package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.audit.bundle.SealedBidWithholding;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.ChainHash;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.wire.HexDump;
import fundexchange.protocol.wire.JournalBinary;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code journal dump --hex|--bytes}: each index's command record and event document as a heading line
 * ({@code index N command record: binary (encoding 2), 376 bytes}) and its bytes (docs/journal-format.md, Hex dumps).
 * A binary document is annotated field by field ({@link HexDump}) under {@code --hex}; a JSON document is shown raw,
 * as every document is under {@code --bytes}.
 *
 * <p>It fails closed (CONTRACTS.md 12): a document's bytes are shown only when this build's strict decoder accepts it
 * and it is known not to be an open sealed bid. A withheld command or a redacted event document shows no byte, as in
 * the JSON dump; whether a command is a sealed bid is {@link SealedBidWithholding}'s decision, read from every part of
 * the record (a sealed bid whose type id was changed into another command's stays one), not a search of the bytes.
 * The event document of an accepted sealed bid still withheld that holds no {@code SealedBidPlaced} of its own (one
 * changed into another event type) is not shown either. A document
 * the decoder refuses (damaged, or of a type this build does not know) shows only its header's fields, the
 * decoder's reason when the problem lies in that header (else none: a reason can quote the bytes it read) and its
 * digest; it counts as refused.
 */
final class JournalHexLines {
    /** Where a command record's secrets may start: after its header and command type id. */
    private static final int COMMAND_HEADER = JournalBinary.OFFSET_COMMAND;
    /** Where an event document's secrets may start: after its header and outcome. */
    private static final int EVENT_HEADER = JournalBinary.OFFSET_EVENT_STRINGS;

    private JournalHexLines() {
    }

    /** What a dump could not show: documents the decoder refused, and decoded ones it could not redact. */
    record Unshown(int refused, int notShown) {
        boolean any() {
            return refused + notShown > 0;
        }

        Unshown plus(Unshown other) {
            return new Unshown(refused + other.refused, notShown + other.notShown);
        }
    }

    private static final Unshown NONE = new Unshown(0, 0);
    private static final Unshown REFUSED = new Unshown(1, 0);
    private static final Unshown NOT_SHOWN = new Unshown(0, 1);

    /** How many command records the journal holds, counted without decoding any (the last may be the damaged one). */
    static long records(Journals journals) {
        long count = 0;
        try (ChronicleJournal.Reader commands = journals.commands().reader()) {
            while (commands.next().isPresent()) {
                count++;
            }
        }
        return count;
    }

    /** Prints indexes {@code from} to {@code to}; answers what it could not show. */
    static Unshown dump(Journals journals, long from, long to, SealedBidWithholding sealed, boolean annotated, PrintWriter out) {
        Unshown[] unshown = {NONE};
        JournalIndexes.each(journals, from, to, (index, command, event) ->
                unshown[0] = unshown[0].plus(index(index, command, event, sealed, annotated, out)));
        return unshown[0];
    }

    private static Unshown index(long index, byte[] command, Optional<byte[]> event, SealedBidWithholding sealed,
                                 boolean annotated, PrintWriter out) {
        CommandRecord record = decoded(() -> JournalCodec.readCommand(command));
        EventDocument document = event.map(bytes -> decoded(() -> JournalCodec.readEvents(bytes))).orElse(null);
        boolean eventRefused = event.isPresent() && document == null;
        Optional<JsonNode> redacted = Optional.empty();
        boolean unredactable = false;
        if (document != null && document.events().stream().anyMatch(SealedBidPlaced.class::isInstance)) {
            try {
                redacted = sealed.redactedTree(index, event.get());
            } catch (RuntimeException e) {
                unredactable = true;
            }
        }
        boolean withheld = redacted.isPresent() || unredactable;
        if (record != null && !withheld) {
            try {
                withheld = eventRefused ? sealed.withholdUnanswered(index, command) : sealed.withhold(index, command);
            } catch (UncheckedIOException e) {
                unredactable = true;
                withheld = true;
            }
        }
        Unshown unshown = NONE;
        String commandHeading = "index " + index + " command record: ";
        if (record == null) {
            unshown = refused(commandHeading, command, JournalBinary.COMMAND_RECORD, annotated, out);
        } else if (withheld) {
            out.println(commandHeading + "withheld (a sealed bid until its listing closes), commandDigest " + digest(command));
        } else {
            unshown = shown(commandHeading, command, JournalBinary.COMMAND_RECORD, annotated, out);
        }
        String eventHeading = "index " + index + " event document: ";
        if (event.isEmpty()) {
            out.println(eventHeading + "none yet");
        } else if (document == null) {
            unshown = unshown.plus(refused(eventHeading, event.get(), JournalBinary.EVENT_DOCUMENT, annotated, out));
        } else if (unredactable) {
            out.println(eventHeading + "not shown: it holds a sealed bid that could not be redacted, digest " + digest(event.get()));
            unshown = unshown.plus(NOT_SHOWN);
        } else if (redacted.isPresent()) {
            out.println(eventHeading + "redacted (a sealed bid's price), as JSON: " + redacted.get());
        } else {
            unshown = unshown.plus(shown(eventHeading, event.get(), JournalBinary.EVENT_DOCUMENT, annotated, out));
        }
        return unshown;
    }

    /** {@code read}'s value, or null when the strict decoder refuses the document. */
    private static <T> T decoded(Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String digest(byte[] document) {
        return ChainHash.hex(ChainHash.digest(document));
    }

    /** A document the strict decoder accepted and that holds no open sealed bid: all its bytes. */
    private static Unshown shown(String heading, byte[] document, byte kind, boolean annotated, PrintWriter out) {
        if (!JournalDocuments.isBinary(document)) {
            out.println(heading + "JSON (encoding 1), " + document.length + " bytes"
                    + (annotated ? ", raw: JSON has no binary layout" : ""));
            out.print(HexDump.raw(document));
            return NONE;
        }
        HexDump.Walk walk = HexDump.walk(document);
        if (!walk.accepted()) {
            return refused(heading, document, kind, annotated, out);
        }
        out.println(heading + "binary (encoding 2), " + document.length + " bytes");
        out.print(annotated ? HexDump.render(walk) : HexDump.raw(document));
        return NONE;
    }

    /**
     * A document the strict decoder refused: its heading (without its length), the fields of its header it walked
     * (annotated or raw), the reason when the problem lies in that header, and its digest; never a byte past the
     * header, where a sealed bid's price, nonce or signed body would be.
     */
    private static Unshown refused(String heading, byte[] document, byte kind, boolean annotated, PrintWriter out) {
        String digestName = kind == JournalBinary.COMMAND_RECORD ? "commandDigest " : "digest ";
        if (!JournalDocuments.isBinary(document)) {
            out.println(heading + "JSON (encoding 1), refused by this build's decoder");
            out.println("!! refused: the reason is not shown (it may quote the document)");
        } else {
            out.println(heading + "binary (encoding " + (document.length > 1 ? Integer.toString(document[1] & 0xFF) : "?")
                    + "), refused by this build's decoder");
            HexDump.Walk walk = HexDump.walk(document);
            boolean ownKind = document.length > JournalBinary.OFFSET_KIND && document[JournalBinary.OFFSET_KIND] == kind;
            int header = !ownKind ? JournalBinary.HEADER_LENGTH
                    : kind == JournalBinary.COMMAND_RECORD ? COMMAND_HEADER : EVENT_HEADER;
            var spans = walk.spans().stream().takeWhile(span -> span.offset() + span.length() <= header).toList();
            int covered = spans.isEmpty() ? 0 : spans.getLast().offset() + spans.getLast().length();
            out.print(annotated ? HexDump.spans(document, spans) : HexDump.raw(Arrays.copyOf(document, covered)));
            if (walk.accepted()) {
                out.println("!! refused: a" + (kind == JournalBinary.COMMAND_RECORD ? "n event document where a command record"
                        : " command record where an event document") + " belongs");
            } else if (walk.problem().offset() >= 0 && walk.problem().offset() < header) {
                out.println("!! refused at byte " + String.format(document.length > 0x10000 ? "%08x" : "%04x",
                        walk.problem().offset()) + ": "
                        + HexDump.reason(walk.problem()));
            } else {
                out.println("!! refused past the header: the reason is not shown (it may quote what the rest holds)");
            }
        }
        out.println("!! " + (JournalDocuments.isBinary(document) ? "the rest is" : "it is")
                + " not shown (it may hold a sealed bid), " + digestName + digest(document));
        return REFUSED;
    }
}
