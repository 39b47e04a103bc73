package fundexchange.runner;

import fundexchange.engine.JournaledRequests;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.util.Optional;

/**
 * {@link JournaledRequests} over the exchange's Chronicle journals: the command record at an index (by random access,
 * {@link ChronicleJournal.NumberedReader}) gives the signed request, the event document at the same number its
 * outcome. The engine asks only about indexes before the command it decides. The runner appends each document before
 * it applies the next command, so those documents exist, and on a restart the replayed documents exist too; the one a
 * runner has decided but not yet appended is held by {@link #decided} until {@link #appended}. Reads on the thread
 * that first asks (the engine thread); close it there.
 */
public final class JournalRequests implements JournaledRequests, AutoCloseable {
    private final Journals journals;
    private ChronicleJournal.NumberedReader commands;
    private ChronicleJournal.NumberedReader events;
    private EventDocument pending;

    public JournalRequests(Journals journals) {
        this.journals = java.util.Objects.requireNonNull(journals, "journals");
    }

    @Override
    public JournaledRequest at(long index) {
        if (commands == null) {
            commands = journals.commands().numberedReader();
            events = journals.events().numberedReader();
        }
        CommandRecord command = commands.document(index).map(JournalCodec::readCommand)
                .orElseThrow(() -> new Unavailable("the command journal holds no record " + index));
        if (command.index() != index) {
            throw new Unavailable("command journal document " + index + " holds index " + command.index());
        }
        return JournaledRequest.of(command, document(index));
    }

    private EventDocument document(long index) {
        if (pending != null && pending.sourceIndex() == index) {
            return pending;
        }
        Optional<EventDocument> document = events.document(index).map(JournalCodec::readEvents);
        return document.orElseThrow(() -> new Unavailable("the event journal holds no document " + index));
    }

    /** The runner decided {@code document} and will append it: until then it answers from it. */
    void decided(EventDocument document) {
        pending = document;
    }

    /** The decided document is in the event journal now. */
    void appended() {
        pending = null;
    }

    @Override
    public void close() {
        if (commands != null) {
            commands.close();
            events.close();
        }
    }
}
