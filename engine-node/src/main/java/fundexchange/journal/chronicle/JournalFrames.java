package fundexchange.journal.chronicle;

import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a journal's Chronicle cycle files ({@code *.cq4}, in name order) byte by byte, without Chronicle, checking the
 * framing of every record (docs/journal-format.md, Framing): a record is a 4-byte little-endian header (bit 31 "not
 * complete", bit 30 "metadata", 30 bits of length) and its bytes, padded with zeros to 4 bytes. A document must be a
 * JSON object (starts with {@code {}, ends with {@code }}, holds no NUL byte, as UTF-8 JSON never does) or a whole
 * binary document ({@code 0xFE} first, accepted by {@link JournalBinary#check}; binary documents hold zeros), and the
 * header after it must be one a writer can leave: another record within the file, zero (nothing written yet), the
 * end-of-cycle marker, or the marker of a record being written. An unfinished record (a zero header, or "not complete"
 * with no length: Chronicle marks a header not complete, writes the bytes, then sets the length) is ignored only where
 * it can be: followed by the bytes written so far (JSON: no NUL among them; binary: a prefix of a document,
 * {@link JournalBinary#prefixEnd}) and then only zeros to the end of the file; so are the remains of such a record that
 * Chronicle overwrote on restart with shorter ones (docs/design/binary-journal.md 4.5). Anything else is damage to a
 * record that was complete.
 */
public final class JournalFrames implements AutoCloseable {
    private static final int NOT_COMPLETE = 0x8000_0000;
    private static final int META_DATA = 0x4000_0000;
    private static final int LENGTH_MASK = 0x3FFF_FFFF;
    private static final int END_OF_DATA = NOT_COMPLETE | META_DATA;
    /** How far past the written part the "looks whole" hint looks for the end of a binary document's trailing zeros. */
    private static final int HINT_ZEROS = 1024;

    /** What the next read found. */
    public sealed interface Frame permits Document, End, Broken {
    }

    /** A complete document and where its header lies. */
    public record Document(byte[] bytes, Path file, long position) implements Frame {
    }

    /** The end of the written records; {@code tornTail} describes an incomplete last record, which is ignored. */
    public record End(Optional<String> tornTail) implements Frame {
    }

    /** Damaged framing at {@code position} of {@code file}: the records from here on cannot be trusted. */
    public record Broken(String reason, Path file, long position) implements Frame {
    }

    private final List<Path> files;
    private int fileIndex = -1;
    private MappedByteBuffer buffer;
    private int position;
    private Frame finished;
    private final List<String> ignored = new java.util.ArrayList<>();
    private final List<JournalSegment> segments = new java.util.ArrayList<>();
    private final List<JournalSegment.Writer> segmentWriters = new java.util.ArrayList<>();
    private long documentsRead;
    /** Whether this journal has yielded a binary document: writers switch to binary and never back. */
    private boolean binarySeen;
    private long segmentFirstDocument;

    private JournalFrames(List<Path> files) {
        this.files = files;
    }

    /** The frames of the journal in {@code directory} (e.g. {@code DATA/journal/commands}). */
    public static JournalFrames open(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            return new JournalFrames(listing.filter(p -> p.getFileName().toString().endsWith(".cq4")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next document, the end, or the first damage; after an end or damage it answers the same again. */
    public Frame next() {
        while (finished == null) {
            if (buffer == null && !openNextFile()) {
                finished = new End(Optional.empty());
                break;
            }
            Frame frame = step();
            if (frame != null) {
                return frame;
            }
        }
        return finished;
    }

    /** One record of the current file: a document, or null after metadata or at the file's end (next file). */
    private Frame step() {
        if (position + 4 > buffer.limit()) {
            buffer = null;
            return null;
        }
        int header = buffer.getInt(position);
        if (header == END_OF_DATA) {
            buffer = null;
            return null;
        }
        if (header == 0 || header == NOT_COMPLETE) {
            return unfinished();
        }
        if ((header & NOT_COMPLETE) != 0) {
            return broken("a header marked not complete but with a length (0x" + Integer.toHexString(header)
                    + "): a damaged length header");
        }
        int length = header & LENGTH_MASK;
        long end = (long) position + 4 + length;
        if (length == 0 || end > buffer.limit()) {
            return broken("a length header of " + length + " bytes, which does not fit in the file");
        }
        int start = position;
        if ((header & META_DATA) != 0) {
            byte[] metadata = new byte[length];
            buffer.get(start + 4, metadata);
            WriterProvenance.parse(metadata).ifPresent(
                    provenance -> segmentWriters.add(new JournalSegment.Writer(documentsRead + 1, provenance.build())));
            position = align(end);
            return null;
        }
        byte[] document = new byte[length];
        buffer.get(start + 4, document);
        Optional<String> bad = documentProblem(document, (int) end);
        if (bad.isPresent()) {
            return broken("the length header says " + length + " bytes, but " + bad.get());
        }
        position = align(end);
        documentsRead++;
        binarySeen |= document[0] == JournalBinary.MAGIC;
        return new Document(document, file(), start);
    }

    private Optional<String> documentProblem(byte[] document, int end) {
        Optional<String> bad = document[0] == JournalBinary.MAGIC ? binaryProblem(document) : jsonProblem(document);
        if (bad.isPresent()) {
            return bad;
        }
        int next = align(end);
        for (int p = end; p < Math.min(next, buffer.limit()); p++) {
            if (buffer.get(p) != 0) {
                return Optional.of("the padding after them is not zero (the record is shorter than it says)");
            }
        }
        if (next + 4 <= buffer.limit()) {
            int header = buffer.getInt(next);
            int length = header & LENGTH_MASK;
            // Only a length that cannot be a header's puts the blame here; a header in place whose flags are damaged
            // is the next record's damage, reported at its own index.
            boolean plausible = header == 0 || header == END_OF_DATA || header == NOT_COMPLETE
                    || (length > 0 && (long) next + 4 + length <= buffer.limit());
            if (!plausible) {
                return Optional.of("the next header at " + next + " (0x" + Integer.toHexString(header)
                        + ") is not one a writer leaves (the record is longer or shorter than it says)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> jsonProblem(byte[] document) {
        if (document[0] != '{' || document[document.length - 1] != '}') {
            return Optional.of("those bytes are not one JSON object");
        }
        for (byte b : document) {
            if (b == 0) {
                return Optional.of("those bytes hold a NUL byte (the record runs into padding or the next header)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> binaryProblem(byte[] document) {
        try {
            JournalBinary.check(document);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("those bytes are not one binary document (" + e.getMessage() + ")");
        }
    }

    /**
     * A header a writer has not finished (zero, or "not complete" with no length; Chronicle sets the length after
     * the bytes): the end of the file's records if only the bytes written so far (no NUL) and then zeros follow. In
     * the last file that is the torn tail of a copy taken while the node wrote; in an earlier one, a write abandoned
     * by a crash before the journal rolled to the next file. Either way the record was never acknowledged.
     */
    private Frame unfinished() {
        Optional<String> remains = overwrittenRemains();
        if (remains.isPresent()) {
            ignored.add(remains.get());
            return endOfFile();
        }
        int start = position + 4;
        int p = start;
        boolean binaryTail = start < buffer.limit() && buffer.get(start) == JournalBinary.MAGIC;
        if (binaryTail) {
            // The written part is copied and walked: in a damaged file that is the rest of the file (at most a cycle
            // file's size), which a walk that reaches its end then checks for finished records below.
            byte[] bytes = new byte[lastWritten(start) - start];
            buffer.get(start, bytes);
            p = start + JournalBinary.prefixEnd(bytes, 0, bytes.length);
        } else {
            while (p < buffer.limit() && buffer.get(p) != 0) {
                p++;
            }
        }
        int written = p - start;
        // A binary walk that took every written byte as one document's prefix has not shown that nothing finished
        // follows: a damaged header with an over-long length inside would take in every later record of the file.
        if (!nothingWrittenAfter(p) || binaryTail && recordHidesIn(position, p)) {
            return broken("a header of an unfinished record (0x" + Integer.toHexString(buffer.getInt(position))
                    + ") is followed by later records: a damaged length header (unless this is a copy of a running node"
                    + " that a plain file copy took while the node wrote: copy from a filesystem snapshot, or copy again,"
                    + " before calling it damage)");
        }
        if (written == 0) {
            return endOfFile();
        }
        boolean looksWhole = binaryTail ? wholeBinary(start, p) : buffer.get(p - 1) == '}';
        String note = "an incomplete record at the end of " + file().getFileName() + " (position " + position + ", "
                + written + " bytes written, not acknowledged) was ignored"
                + (looksWhole ? "; its bytes look whole, so if no node was writing this journal when it was"
                + " copied, this is the damaged header of its last record" : "");
        if (fileIndex != files.size() - 1) {
            ignored.add(note);
            return endOfFile();
        }
        finished = new End(Optional.of(note));
        return finished;
    }

    /**
     * The remains of a record a crash abandoned, which Chronicle's appender overwrote on restart ("Incomplete header
     * found ..., overwriting") with shorter records: after the last of them Chronicle leaves a zero header and at least
     * one more zero byte (it zeroes eight bytes at the record's unaligned end; the next header slot is that end rounded
     * up to four), and the abandoned record's tail lies beyond, its bytes and then only zeros to the end of the file.
     * JSON remains hold no NUL, so no header of a record can hide among them: bytes after a NUL are damage, exactly as
     * before binary documents. Binary remains hold zeros: once this journal has yielded a binary document, remains
     * with zeros pass if no record a writer finished hides among them ({@link #recordHidesIn}). A damaged header of a
     * complete record is followed by its bytes at once, so it does not look like this.
     */
    private Optional<String> overwrittenRemains() {
        int p = position;
        while (p < buffer.limit() && buffer.get(p) == 0) {
            p++;
        }
        if (p < position + 5 || p >= buffer.limit()) {
            return Optional.empty();
        }
        int from = p;
        while (p < buffer.limit() && buffer.get(p) != 0) {
            p++;
        }
        if (!nothingWrittenAfter(p)) {
            if (!binarySeen) {
                return Optional.empty();
            }
            p = lastWritten(from);
            if (recordHidesIn(position, p)) {
                return Optional.empty();
            }
        }
        return Optional.of("a zeroed header region followed by " + (p - from) + " orphan bytes at " + from + " of "
                + file().getFileName() + ", after the last record, was ignored: the remains of a record a crash abandoned"
                + " and the restart overwrote, or records lost from the tail (compare the last index with the last"
                + " checkpoint you published or received)");
    }

    /** One past the last non-zero byte of the file at or after {@code from}, or {@code from} when there is none. */
    private int lastWritten(int from) {
        int p = buffer.limit();
        while (p > from && buffer.get(p - 1) == 0) {
            p--;
        }
        return p;
    }

    /**
     * Whether a 4-aligned position from {@code from} up to {@code to} (the last written byte) holds evidence of a
     * record a writer finished: the end-of-cycle marker (a writer rolls only after a finished record), our writer
     * provenance metadata ({@link WriterProvenance}; Chronicle's own binary index metadata is not recognised), or a
     * header whose length fits in the file and whose bytes are a whole document. A candidate document is decoded only
     * when its first bytes are a JSON object's or the binary magic, encoding and kind (and a JSON one ends in
     * {@code }}). A finished binary document may end in any number of zeros past {@code to}, so its end is bounded
     * only by the file.
     */
    private boolean recordHidesIn(int from, int to) {
        for (int q = (from + 3) & ~3; q + 4 <= to; q += 4) {
            int header = buffer.getInt(q);
            if (header == END_OF_DATA) {
                return true;
            }
            int length = header & LENGTH_MASK;
            if (header == 0 || (header & NOT_COMPLETE) != 0 || length == 0 || (long) q + 4 + length > buffer.limit()) {
                continue;
            }
            int start = q + 4;
            if ((header & META_DATA) != 0) {
                if (buffer.get(start) == '{' && WriterProvenance.parse(copy(start, length)).isPresent()) {
                    return true;
                }
                continue;
            }
            byte first = buffer.get(start);
            boolean json = first == '{' && buffer.get(start + length - 1) == '}';
            boolean binary = first == JournalBinary.MAGIC && length > JournalBinary.OFFSET_KIND
                    && buffer.get(start + JournalBinary.OFFSET_ENCODING) == JournalBinary.ENCODING
                    && (buffer.get(start + JournalBinary.OFFSET_KIND) == JournalBinary.COMMAND_RECORD
                    || buffer.get(start + JournalBinary.OFFSET_KIND) == JournalBinary.EVENT_DOCUMENT);
            if (json && jsonProblem(copy(start, length)).isEmpty() || binary && binaryProblem(copy(start, length)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private byte[] copy(int from, int length) {
        byte[] bytes = new byte[length];
        buffer.get(from, bytes);
        return bytes;
    }

    /**
     * Whether the bytes from {@code start} to {@code written} (one past its last non-zero byte), with the zeros a
     * binary document may end in, are a whole binary document: a hint for the note only, so it looks at most
     * {@link #HINT_ZEROS} zeros on. One decode over that much finds the document's end ("bytes left after"), a second
     * checks the document alone. A writer's document has a non-zero time, so fewer bytes than reach it never look
     * whole (the magic, encoding and kind then zeros decode as an empty event document of time 0).
     */
    private boolean wholeBinary(int start, int written) {
        if (written - start <= JournalBinary.OFFSET_TIME) {
            return false;
        }
        int last = (int) Math.min(buffer.limit(), (long) written + HINT_ZEROS);
        try {
            JournalBinary.check(copy(start, last - start));
            return true;
        } catch (WireFormatException e) {
            int end = e.offset();
            return e.getMessage().contains("bytes left after") && end >= written - start
                    && binaryProblem(copy(start, end)).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Incomplete records left in earlier cycle files by a crash, which were ignored (read after the end). */
    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    private Frame endOfFile() {
        buffer = null;
        return null;
    }

    private boolean nothingWrittenAfter(int from) {
        for (int p = from; p < buffer.limit(); p++) {
            if (buffer.get(p) != 0) {
                return false;
            }
        }
        return true;
    }

    private Frame broken(String reason) {
        finished = new Broken(reason, file(), position);
        return finished;
    }

    /**
     * The cycle files read so far, each with its documents and writer provenance records; after {@link #next()}
     * answered the end, every file (docs/journal-format.md, Writer provenance).
     */
    public List<JournalSegment> segments() {
        List<JournalSegment> all = new java.util.ArrayList<>(segments);
        if (fileIndex >= 0 && fileIndex < files.size()) {
            all.add(currentSegment());
        }
        return List.copyOf(all);
    }

    private JournalSegment currentSegment() {
        return new JournalSegment(file().getFileName().toString(), segmentFirstDocument,
                documentsRead + 1 - segmentFirstDocument, segmentWriters);
    }

    private boolean openNextFile() {
        if (fileIndex >= 0) {
            segments.add(currentSegment());
        }
        segmentWriters.clear();
        segmentFirstDocument = documentsRead + 1;
        if (++fileIndex >= files.size()) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IllegalStateException(file() + " is larger than a cycle file can be");
            }
            buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            buffer.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
        return true;
    }

    private Path file() {
        return files.get(fileIndex);
    }

    private static int align(long end) {
        return (int) ((end + 3) & ~3L);
    }

    @Override
    public void close() {
        buffer = null;
    }
}
