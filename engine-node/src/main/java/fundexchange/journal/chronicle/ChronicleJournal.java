package fundexchange.journal.chronicle;

import fundexchange.build.BuildInfo;
import fundexchange.protocol.wire.WireBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A Chronicle Queue of opaque documents. A document is written whole or not at all, even across {@code kill -9}.
 * Appenders and readers are confined to the thread that made them.
 */
public final class ChronicleJournal implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final Path directory;
    private final CycleClock clock;
    private final WriterProvenance provenance;

    private ChronicleJournal(Path directory, TimeProvider cycleClock, BuildInfo build) {
        this.directory = directory;
        this.clock = new CycleClock(cycleClock);
        this.provenance = new WriterProvenance(build);
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).rollCycle(RollCycles.FAST_DAILY)
                .timeProvider(clock).build();
    }

    /** The journal in {@code directory}; its writers record this build ({@link BuildInfo#current()}) in each file. */
    public static ChronicleJournal open(Path directory) {
        return new ChronicleJournal(directory, SystemTimeProvider.INSTANCE, BuildInfo.current());
    }

    /** A journal whose daily files roll by {@code cycleClock} (tests roll them without waiting for midnight). */
    static ChronicleJournal open(Path directory, TimeProvider cycleClock) {
        return new ChronicleJournal(directory, cycleClock, BuildInfo.current());
    }

    /** As {@link #open(Path, TimeProvider)}, its writers recording {@code build} (tests write as several versions). */
    static ChronicleJournal open(Path directory, TimeProvider cycleClock, BuildInfo build) {
        return new ChronicleJournal(directory, cycleClock, build);
    }

    public Path directory() {
        return directory;
    }

    /** A writer for the calling thread. */
    public Writer writer() {
        return new Writer(queue, clock, provenance.bytes());
    }

    /** A reader from the first document, for the calling thread. */
    public Reader reader() {
        return new Reader(queue.createTailer());
    }

    /** A reader of documents by their number in append order, for the calling thread. */
    public NumberedReader numberedReader() {
        return new NumberedReader(queue);
    }

    /** The last document, if any. */
    public Optional<byte[]> last() {
        ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
        try {
            return new Reader(tailer).next();
        } finally {
            tailer.close();
        }
    }

    @Override
    public void close() {
        queue.close();
    }

    /**
     * Appends whole documents. Before its first document in each cycle file it writes a {@link WriterProvenance}
     * metadata record; the cycle clock is held still on this thread for the pair, so both land in the same file.
     */
    public static final class Writer implements AutoCloseable {
        private final SingleChronicleQueue queue;
        private final ExcerptAppender appender;
        private final CycleClock clock;
        private final byte[] provenance;
        private int provenanceCycle = Integer.MIN_VALUE;

        private Writer(SingleChronicleQueue queue, CycleClock clock, byte[] provenance) {
            this.queue = queue;
            this.appender = queue.createAppender();
            this.clock = clock;
            this.provenance = provenance;
        }

        public void append(byte[] document) {
            append(document, 0, document.length);
        }

        /**
         * Appends the {@code length} bytes at {@code offset} in {@code source} as one document (a writer thread's
         * reused buffer, so appending allocates nothing per document).
         */
        public void append(byte[] source, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, source.length);
            clock.hold();
            try {
                int cycle = queue.cycle();
                if (cycle != provenanceCycle) {
                    write(true, provenance, 0, provenance.length);
                    provenanceCycle = cycle;
                }
                write(false, source, offset, length);
            } finally {
                clock.release();
            }
        }

        private void write(boolean metadata, byte[] bytes, int offset, int length) {
            try (DocumentContext context = appender.writingDocument(metadata)) {
                context.wire().bytes().write(bytes, offset, length);
            }
        }

        @Override
        public void close() {
            appender.close();
        }
    }

    /**
     * Reads documents in journal order, skipping metadata (writer provenance); {@link #next()} is empty at the current
     * end. {@link #next(WireBuffer)} copies each document into a buffer the caller reuses.
     */
    public static final class Reader implements AutoCloseable {
        private final ExcerptTailer tailer;

        private Reader(ExcerptTailer tailer) {
            this.tailer = tailer;
        }

        public Optional<byte[]> next() {
            try (DocumentContext context = tailer.readingDocument()) {
                if (!context.isPresent()) {
                    return Optional.empty();
                }
                Bytes<?> bytes = context.wire().bytes();
                byte[] document = new byte[(int) bytes.readRemaining()];
                bytes.read(document);
                return Optional.of(document);
            }
        }

        /**
         * Copies the next document into {@code into}, cleared first and grown if the document is larger: its bytes are
         * {@code into.array()} from 0 to {@code into.position()}. Allocates nothing once the buffer is large enough.
         * False at the current end, leaving {@code into} empty; a copy that fails throws and leaves {@code into} empty
         * too, never holding a previous document's bytes as this one's.
         */
        public boolean next(WireBuffer into) {
            into.clear();
            try (DocumentContext context = tailer.readingDocument()) {
                if (!context.isPresent()) {
                    return false;
                }
                Bytes<?> bytes = context.wire().bytes();
                long remaining = bytes.readRemaining();
                if (remaining > Integer.MAX_VALUE) {
                    throw new IllegalStateException("a journal document of " + remaining + " bytes");
                }
                int length = (int) remaining;
                int at = into.claim(length);
                boolean copied = false;
                try {
                    // the relative read copies in steps that let a chunked mapping move to the next chunk (as next())
                    int read = length == 0 ? 0 : bytes.read(into.array(), at, length);
                    if (read != length) {
                        throw new IllegalStateException("read " + read + " of a document's " + length + " bytes");
                    }
                    copied = true;
                    return true;
                } finally {
                    if (!copied) {
                        into.clear();
                    }
                }
            }
        }

        @Override
        public void close() {
            tailer.close();
        }
    }

    /**
     * Reads the document numbered {@code n} (1 = the first ever appended) by random access, without scanning: the
     * queue's daily cycles are numbered densely, so it keeps the first number of each cycle (re-listing the cycles
     * when a number lies past what it knows) and moves to that cycle's {@code n - first}-th excerpt.
     */
    public static final class NumberedReader implements AutoCloseable {
        private final SingleChronicleQueue queue;
        private final ExcerptTailer tailer;
        private final TreeMap<Long, Integer> cycleByFirstNumber = new TreeMap<>();

        private NumberedReader(SingleChronicleQueue queue) {
            this.queue = queue;
            this.tailer = queue.createTailer();
        }

        /** The document numbered {@code n}, or empty if the queue holds none with that number (yet). */
        public Optional<byte[]> document(long n) {
            Optional<byte[]> found = read(n);
            if (found.isPresent()) {
                return found;
            }
            listCycles();
            return read(n);
        }

        private Optional<byte[]> read(long n) {
            Map.Entry<Long, Integer> cycle = cycleByFirstNumber.floorEntry(n);
            if (cycle == null || !tailer.moveToIndex(queue.rollCycle().toIndex(cycle.getValue(), n - cycle.getKey()))) {
                return Optional.empty();
            }
            return new Reader(tailer).next();
        }

        private void listCycles() {
            cycleByFirstNumber.clear();
            long first = 1;
            for (Long cycle : queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle())) {
                cycleByFirstNumber.put(first, cycle.intValue());
                first += tailer.excerptsInCycle(cycle.intValue());
            }
        }

        /**
         * Lets the next call come from another thread. A reader is not thread-safe: a caller that shares one between
         * threads serialises every call (a lock) and hands it over before each.
         */
        public void handOver() {
            tailer.singleThreadedCheckReset();
        }

        @Override
        public void close() {
            tailer.close();
        }
    }
}
