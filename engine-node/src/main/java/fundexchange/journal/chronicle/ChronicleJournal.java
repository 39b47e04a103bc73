package fundexchange.journal.chronicle;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.openhft.chronicle.bytes.Bytes;
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

    private ChronicleJournal(Path directory, net.openhft.chronicle.core.time.TimeProvider cycleClock) {
        this.directory = directory;
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).rollCycle(RollCycles.FAST_DAILY)
                .timeProvider(cycleClock).build();
    }

    public static ChronicleJournal open(Path directory) {
        return new ChronicleJournal(directory, net.openhft.chronicle.core.time.SystemTimeProvider.INSTANCE);
    }

    /** A journal whose daily files roll by {@code cycleClock} (tests roll them without waiting for midnight). */
    static ChronicleJournal open(Path directory, net.openhft.chronicle.core.time.TimeProvider cycleClock) {
        return new ChronicleJournal(directory, cycleClock);
    }

    public Path directory() {
        return directory;
    }

    /** A writer for the calling thread. */
    public Writer writer() {
        return new Writer(queue.createAppender());
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

    /** Appends whole documents. */
    public static final class Writer implements AutoCloseable {
        private final ExcerptAppender appender;

        private Writer(ExcerptAppender appender) {
            this.appender = appender;
        }

        public void append(byte[] document) {
            try (DocumentContext context = appender.writingDocument()) {
                context.wire().bytes().write(document);
            }
        }

        @Override
        public void close() {
            appender.close();
        }
    }

    /** Reads documents in journal order; {@link #next()} is empty at the current end. */
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
