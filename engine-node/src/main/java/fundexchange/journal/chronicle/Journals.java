package fundexchange.journal.chronicle;

import static fundexchange.protocol.wire.JournalBinary.MAGIC;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.wire.CommandRecordView;
import fundexchange.protocol.wire.WireBuffer;
import java.nio.file.Path;
import java.util.Optional;

/** The exchange's two journals under one data directory: {@code journal/commands} and {@code journal/events}. */
public final class Journals implements AutoCloseable {
    private final ChronicleJournal commands;
    private final ChronicleJournal events;

    private Journals(Path dataDirectory) {
        this.commands = ChronicleJournal.open(dataDirectory.resolve("journal").resolve("commands"));
        this.events = ChronicleJournal.open(dataDirectory.resolve("journal").resolve("events"));
    }

    public static Journals open(Path dataDirectory) {
        return new Journals(dataDirectory);
    }

    public ChronicleJournal commands() {
        return commands;
    }

    public ChronicleJournal events() {
        return events;
    }

    public Optional<CommandRecord> lastCommand() {
        return commands.last().map(JournalCodec::readCommand);
    }

    public Optional<EventDocument> lastEvents() {
        return events.last().map(JournalCodec::readEvents);
    }

    /** Reads command records in order. */
    public TypedReader<CommandRecord> commandReader() {
        return new TypedReader<>(commands.reader(), CommandRecord.class);
    }

    /** Reads command records in order into one reused buffer, for the engine thread ({@link CommandStream}). */
    public CommandStream commandStream() {
        return new CommandStream(commands.reader());
    }

    /** Reads event documents in order. */
    public TypedReader<EventDocument> eventReader() {
        return new TypedReader<>(events.reader(), EventDocument.class);
    }

    @Override
    public void close() {
        commands.close();
        events.close();
    }

    /**
     * The command journal as the engine thread reads it (docs/design/binary-journal.md, C5): each record is copied into
     * one reused buffer and decoded from it by {@link JournalCodec#readCommand(byte[], int, int)}, the dispatch and
     * decoders every other reader uses, so it accepts exactly the records they accept. A binary record can also be read
     * through a reused {@link CommandRecordView}, wrapped over the buffer only when {@link #view()} is asked for. Per
     * record it allocates the decoded record graph and, for a JSON record, Jackson's parser as well. The decoded record
     * is an independent value that stays valid (and may go to another thread); {@link #bytes()} and {@link #view()}
     * are valid until the next call. A record that does not decode is consumed all the same (the reader has moved past
     * it), as {@link TypedReader} consumes it: the caller stops rather than retrying. Confined to one thread.
     */
    public static final class CommandStream implements AutoCloseable {
        private final ChronicleJournal.Reader reader;
        private final WireBuffer buffer = new WireBuffer(4096);
        private final CommandRecordView view = new CommandRecordView();
        private CommandRecord record;
        private boolean binary;
        private boolean wrapped;

        CommandStream(ChronicleJournal.Reader reader) {
            this.reader = reader;
        }

        /** Steps over one record without decoding it; false at the current end. */
        public boolean skip() {
            forget();
            return reader.next(buffer);
        }

        /**
         * Reads and decodes the next record; false at the current end. A record that does not decode throws the
         * "corrupt CommandRecord" {@link java.io.UncheckedIOException} {@link JournalCodec#readCommand(byte[])} throws.
         */
        public boolean next() {
            forget();
            if (!reader.next(buffer)) {
                return false;
            }
            byte[] bytes = buffer.array();
            int length = buffer.position();
            boolean isBinary = length > 0 && bytes[0] == MAGIC;
            record = JournalCodec.readCommand(bytes, 0, length);
            binary = isBinary;
            return true;
        }

        private void forget() {
            record = null;
            binary = false;
            wrapped = false;
        }

        /** The record {@link #next()} read. */
        public CommandRecord record() {
            if (record == null) {
                throw new IllegalStateException("no record: next() found none or was not called");
            }
            return record;
        }

        /** The bytes as written of the record last read or skipped: {@code array()} up to {@code position()}. */
        public WireBuffer bytes() {
            return buffer;
        }

        /** Whether the record {@link #next()} read is binary, so {@link #view()} reads it. */
        public boolean binary() {
            return binary;
        }

        /**
         * The view over the binary record {@link #next()} read, wrapped on the first call for that record. The
         * record has already decoded; should the view's frame checks ever refuse it, this throws the view's
         * {@link fundexchange.protocol.wire.WireFormatException} and {@link #record()} stays valid.
         */
        public CommandRecordView view() {
            if (!binary) {
                throw new IllegalStateException("no binary record: the last one read was JSON, or none was read");
            }
            if (!wrapped) {
                view.wrap(buffer.array(), 0, buffer.position());
                wrapped = true;
            }
            return view;
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** A reader that decodes each document and keeps its bytes. */
    public static final class TypedReader<T> implements AutoCloseable {
        private final ChronicleJournal.Reader reader;
        private final Class<T> type;

        TypedReader(ChronicleJournal.Reader reader, Class<T> type) {
            this.reader = reader;
            this.type = type;
        }

        /** Steps over one document without decoding it; empty at the end. */
        public Optional<byte[]> skip() {
            return reader.next();
        }

        public Optional<JournalEntry<T>> next() {
            return reader.next().map(bytes -> new JournalEntry<>(JournalCodec.read(bytes, type), bytes));
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
