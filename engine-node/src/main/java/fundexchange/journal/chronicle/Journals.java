package fundexchange.journal.chronicle;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
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

    /** Reads event documents in order. */
    public TypedReader<EventDocument> eventReader() {
        return new TypedReader<>(events.reader(), EventDocument.class);
    }

    @Override
    public void close() {
        commands.close();
        events.close();
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
