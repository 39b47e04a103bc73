package fundexchange.ops;

import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.util.Optional;

/** The command journal and the event journal read side by side, index by index, as {@code journal dump} shows them. */
final class JournalIndexes {
    /** One index: its command record and its event document, empty where the event journal ends before it. */
    interface Visit {
        void index(long index, byte[] command, Optional<byte[]> event);
    }

    private JournalIndexes() {
    }

    /** Reads both journals from index 1 up to {@code to} or the command journal's end, and visits indexes from {@code from}. */
    static void each(Journals journals, long from, long to, Visit visit) {
        try (ChronicleJournal.Reader commands = journals.commands().reader();
             ChronicleJournal.Reader events = journals.events().reader()) {
            Optional<byte[]> command;
            for (long index = 1; index <= to && (command = commands.next()).isPresent(); index++) {
                Optional<byte[]> event = events.next();
                if (index >= from) {
                    visit.index(index, command.get(), event);
                }
            }
        }
    }
}
