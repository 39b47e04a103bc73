package fundexchange.ops.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;

import fundexchange.ops.VerifyCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code exchange verify} on the journals of a real run ({@link RecordedExchange}: a checkpoint, then one command
 * after it): an untouched copy verifies clean, and one flipped byte at each kind of place is reported with its kind
 * and index; a torn tail is a note, and commands not yet applied are a note with --live-copy (a copy of a running node)
 * and a failure without it.
 */
class VerifyCommandTest {
    private final RecordedExchange recorded = RecordedExchange.shared();
    private final Recording journal = Recording.of(recorded.dataDirectory());
    @TempDir
    Path temp;
    private final StringWriter out = new StringWriter();

    private int verify(Path data, String... options) {
        CommandLine verify = new CommandLine(new VerifyCommand());
        verify.setOut(new PrintWriter(out, true));
        verify.setErr(new PrintWriter(new StringWriter(), true));
        List<String> arguments = new ArrayList<>(List.of("--data-dir", data.toString(), "--no-progress"));
        arguments.addAll(List.of(options));
        return verify.execute(arguments.toArray(String[]::new));
    }

    private void assertInvalid(Path data, long index, String kind) {
        assertEquals(1, verify(data), out.toString());
        assertTrue(out.toString().startsWith("INVALID / 不通过 at index " + index + ": " + kind + " / "), out.toString());
    }

    @Test
    void untouchedCopyVerifiesClean() {
        assertEquals(0, verify(copy()), out.toString());
        assertTrue(out.toString().startsWith("VALID / 通过: " + journal.last + " indexes replayed and verified"), out.toString());
        assertTrue(out.toString().contains("1 checkpoints / 个检查点 (indexes after " + journal.checkpointed), out.toString());
        assertTrue(out.toString().contains("took / 用时: "), out.toString());
    }

    @Test
    void flippedSignatureByteIsASignatureFailureAtItsIndex() {
        Path data = copy();
        flipValueChar(data, "commands", journal.command(journal.listing), "\"signature\":\"", 10);
        assertInvalid(data, journal.listing, "signature");
    }

    @Test
    void flippedCommandByteIsACommandFailureAtItsIndex() {
        Path data = copy();
        flipValueChar(data, "commands", journal.command(journal.fund), "\"command\":{", 40);
        assertInvalid(data, journal.fund, "command");
    }

    @Test
    void flippedEventByteUnderACheckpointIsAnEventFailureAtItsIndex() {
        Path data = copy();
        flipValueChar(data, "events", journal.event(journal.fund), "\"time\":", 6);
        assertInvalid(data, journal.fund, "event");
    }

    @Test
    void flippedLastEventByteAfterTheLastCheckpointIsALastEventFailure() {
        Path data = copy();
        flipValueChar(data, "events", journal.event(journal.last), "\"time\":", 6);
        assertInvalid(data, journal.last, "last event");
    }

    @Test
    void flippedCheckpointByteIsACheckpointFailureAtItsIndex() {
        Path data = copy();
        flipValueChar(data, "commands", journal.command(journal.checkpoint), "\"chainHead\":\"", 20);
        assertInvalid(data, journal.checkpoint, "checkpoint");
    }

    @Test
    void flippedLengthHeaderByteIsALengthHeaderFailureAtItsIndex() {
        Path events = copy();
        Located event = locate(events, "events", journal.event(journal.fund));
        flip(event.file(), event.offset() - 4, 0x04);
        assertInvalid(events, journal.fund, "length header");

        Path commands = copy();
        Located command = locate(commands, "commands", journal.command(journal.listing));
        flip(command.file(), command.offset() - 1, 0x80);
        out.getBuffer().setLength(0);
        assertInvalid(commands, journal.listing, "length header");
    }

    /** Chronicle sets a record's length after its bytes: a copy taken mid-write may see a zero header and a prefix. */
    @Test
    void tornTailOfALiveCopyIsIgnoredWithANote() {
        Path data = copy();
        Located last = locate(data, "commands", journal.command(journal.last));
        int end = (last.offset() + journal.command(journal.last).length + 3) & ~3;
        byte[] partial = ("{\"version\":1,\"index\":" + (journal.last + 1) + ",\"ti").getBytes(StandardCharsets.US_ASCII);
        write(last.file(), end, ByteBuffer.allocate(4 + partial.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0).put(partial).array());
        assertEquals(0, verify(data), out.toString());
        assertTrue(out.toString().contains("note / 说明: command journal / 指令日志: an incomplete record at the end of "
                + last.file().getFileName() + " (position " + end + ", " + partial.length + " bytes written, not acknowledged)"
                + " was ignored"), out.toString());
    }

    @Test
    void commandsNotYetAppliedInALiveCopyAreANoteNotAFailure() {
        Path data = withoutLastEvent();
        assertEquals(0, verify(data, "--live-copy"), out.toString());
        assertTrue(out.toString().startsWith("VALID / 通过: " + (journal.last - 1) + " indexes"), out.toString());
        assertTrue(out.toString().contains("commands " + journal.last + ".." + journal.last + " have no event document yet"
                + " (a running node had not applied them when the copy was taken): their framing was checked, and 1"
                + " participant signatures verified with the keys as of index " + (journal.last - 1)), out.toString());
    }

    /** A stopped node applies them on restart: an event journal cut short (its last cycle file deleted) must not pass. */
    @Test
    void commandsWithoutAnEventDocumentAreAnUnappliedFailureWithoutLiveCopy() {
        Path data = withoutLastEvent();
        assertInvalid(data, journal.last, "unapplied command");
        assertTrue(out.toString().contains("commands " + journal.last + ".." + journal.last + " have no event document,"),
                out.toString());
        assertTrue(out.toString().contains("before it / 在此之前: " + (journal.last - 1) + " indexes"), out.toString());
    }

    /** A forged command after the last event document: its signature is checked with the keys as of the index before. */
    @Test
    void forgedSignatureOfACommandWithoutAnEventDocumentIsASignatureFailureEitherWay() {
        Path data = withoutLastEvent();
        flipValueChar(data, "commands", journal.command(journal.last), "\"signature\":\"", 10);
        assertInvalid(data, journal.last, "signature");
        out.getBuffer().setLength(0);
        assertEquals(1, verify(data, "--live-copy"), out.toString());
        assertTrue(out.toString().startsWith("INVALID / 不通过 at index " + journal.last + ": signature / "), out.toString());
    }

    private Path withoutLastEvent() {
        Path data = copy();
        Located event = locate(data, "events", journal.event(journal.last));
        write(event.file(), event.offset() - 4, new byte[4 + journal.event(journal.last).length]);
        return data;
    }

    @Test
    void aDirectoryWithoutJournalsExitsTwo() {
        assertEquals(2, verify(temp));
    }

    /** The indexes the tests flip, and every document as written. */
    private record Recording(List<byte[]> commands, List<byte[]> events, long fund, long listing, long checkpoint,
                             long checkpointed, long last) {
        static Recording of(Path data) {
            List<byte[]> commands = new ArrayList<>();
            List<byte[]> events = new ArrayList<>();
            long fund = 0;
            long listing = 0;
            long checkpoint = 0;
            long checkpointed = 0;
            try (Journals journals = Journals.open(data); Journals.TypedReader<CommandRecord> reader = journals.commandReader();
                 var eventReader = journals.events().reader()) {
                for (Optional<JournalEntry<CommandRecord>> next = reader.next(); next.isPresent(); next = reader.next()) {
                    CommandRecord record = next.get().value();
                    commands.add(next.get().bytes());
                    events.add(eventReader.next().orElseThrow());
                    if (record.command() instanceof RegisterFund) {
                        fund = record.index();
                    } else if (record.command() instanceof ListNegotiated && listing == 0) {
                        listing = record.index();
                    } else if (record.command() instanceof Checkpoint c) {
                        checkpoint = record.index();
                        checkpointed = c.chainIndex();
                    }
                }
                if (!(next(commands) instanceof ApproveListing) || checkpoint == 0 || fund >= checkpointed) {
                    throw new IllegalStateException("the recording no longer ends with a checkpoint and one command after it");
                }
            }
            return new Recording(commands, events, fund, listing, checkpoint, checkpointed, commands.size());
        }

        private static Object next(List<byte[]> commands) {
            return fundexchange.journal.JournalCodec.readCommand(commands.getLast()).command();
        }

        byte[] command(long index) {
            return commands.get(Math.toIntExact(index - 1));
        }

        byte[] event(long index) {
            return events.get(Math.toIntExact(index - 1));
        }
    }

    private record Located(Path file, int offset) {
    }

    private Path copy() {
        Path data = temp.resolve("copy-" + System.nanoTime());
        Path from = recorded.dataDirectory().resolve("journal");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path to = data.resolve("journal").resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    /** Where {@code document} lies in the journal's cycle files (the records are unique: each names its index). */
    private static Located locate(Path data, String journal, byte[] document) {
        try (Stream<Path> files = Files.list(data.resolve("journal").resolve(journal))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".cq4")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int at = 0; at + document.length <= bytes.length; at++) {
                    if (bytes[at] == document[0] && java.util.Arrays.equals(bytes, at, at + document.length, document, 0,
                            document.length)) {
                        return new Located(file, at);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("document not found in " + journal);
    }

    /** Changes one character of the value after {@code key}, {@code into} characters in, to another of its class. */
    private static void flipValueChar(Path data, String journal, byte[] document, String key, int into) {
        Located located = locate(data, journal, document);
        int at = new String(document, StandardCharsets.ISO_8859_1).indexOf(key) + key.length() + into;
        byte b = document[at];
        byte flipped = Character.isDigit(b) ? (byte) ('0' + (b - '0' + 1) % 10) : (byte) (b == 'A' ? 'B' : b == 'a' ? 'b' : 'A');
        write(located.file(), located.offset() + at, new byte[] {flipped});
    }

    private static void flip(Path file, int offset, int mask) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            write(file, offset, new byte[] {(byte) (one.get(0) ^ mask)});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, int offset, byte[] bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
