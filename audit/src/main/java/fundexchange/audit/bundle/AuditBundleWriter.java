package fundexchange.audit.bundle;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.ChainHash;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Exports an audit bundle (docs/audit.md) from the journals alone, never from PostgreSQL (CONTRACTS.md 14): the
 * command and event documents of indices 1..toIndex exactly as written, with their digests and audit links, except what
 * a {@link WithholdingPolicy} keeps out (by default, still-sealed bids), and beside each document shown its JSON
 * rendering (bundle version 2). The file appears whole: it is written beside {@code out} and moved into place.
 */
public final class AuditBundleWriter {
    /** What was exported. */
    public record Exported(Path bundle, long fromIndex, long toIndex, long withheld) {
    }

    private AuditBundleWriter() {
    }

    /**
     * Exports indices 1..toIndex stamped with the system clock, withholding every sealed bid whose listing has not
     * closed by toIndex ({@link SealedBidWithholding}, CONTRACTS.md 12).
     */
    public static Exported write(Journals journals, long toIndex, Path out) {
        return write(journals, toIndex, out, sealedBids(journals, toIndex), Clock.systemUTC());
    }

    /** The default policy of an export through {@code toIndex}: sealed bids stay sealed until their listing closes. */
    public static WithholdingPolicy sealedBids(Journals journals, long toIndex) {
        return SealedBidWithholding.through(journals, Math.max(0, Math.min(toIndex, lastCompleteIndex(journals))));
    }

    /**
     * Exports indices 1..toIndex, leaving out the command bodies {@code withholding} names and redacting the event
     * documents it redacts (their commands are then withheld too).
     *
     * @throws IllegalArgumentException if toIndex is not in 1..{@link #lastCompleteIndex}
     */
    public static Exported write(Journals journals, long toIndex, Path out, WithholdingPolicy withholding, Clock clock) {
        long available = lastCompleteIndex(journals);
        if (toIndex < 1 || toIndex > available) {
            throw new IllegalArgumentException("toIndex must lie in 1.." + available
                    + " (the last index present in both journals), got " + toIndex);
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        long withheld = 0;
        try (ChronicleJournal.Reader commands = journals.commands().reader();
             ChronicleJournal.Reader events = journals.events().reader();
             BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writer.write(BundleHeader.of(toIndex, Instant.now(clock).toString()).toJson());
            writer.write('\n');
            String link = ChainHash.GENESIS;
            for (long index = 1; index <= toIndex; index++) {
                byte[] command = next(commands, "command", index);
                byte[] event = next(events, "event", index);
                String commandDigest = ChainHash.hex(ChainHash.digest(command));
                String eventDigest = ChainHash.hex(ChainHash.digest(event));
                link = ChainHash.auditLink(link, ChainHash.bytes(commandDigest), ChainHash.bytes(eventDigest));
                Optional<byte[]> redacted = index > 1 ? withholding.redactEvent(index, event) : Optional.empty();
                boolean withhold = index > 1 && (redacted.isPresent() || withholding.withhold(index, command));
                withheld += withhold ? 1 : 0;
                byte[] shownEvent = redacted.orElse(event);
                writer.write(new BundleLine(index, withhold ? null : command, shownEvent, redacted.isPresent(),
                        commandDigest, eventDigest, link, withhold ? null : AuditBundle.rendering(command), AuditBundle.rendering(shownEvent)).toJson());
                writer.write('\n');
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw e instanceof IOException io ? new UncheckedIOException("cannot write " + partial, io) : (RuntimeException) e;
        }
        try {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + partial + " to " + out, e);
        }
        return new Exported(out, AuditBundle.FROM_INDEX, toIndex, withheld);
    }

    /** The last index whose command and event document are both journaled; 0 for none. */
    public static long lastCompleteIndex(Journals journals) {
        long commands = journals.lastCommand().map(CommandRecord::index).orElse(0L);
        long events = journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L);
        return Math.min(commands, events);
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            System.getLogger(AuditBundleWriter.class.getName()).log(System.Logger.Level.WARNING, "cannot delete " + partial, e);
        }
    }

    private static byte[] next(ChronicleJournal.Reader reader, String journal, long index) {
        return reader.next().orElseThrow(() -> new IllegalStateException(
                "the " + journal + " journal ends before index " + index));
    }
}
