package fundexchange.engine;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One engine driven through golden steps. Keeps the journal it appended, the documents it got back and a snapshot
 * after every step, and checks the {@link Invariants} after every step.
 */
final class GoldenRun {
    final Engine engine = new Engine();
    final List<CommandRecord> journal = new ArrayList<>();
    final List<EventDocument> documents = new ArrayList<>();
    final List<EngineSnapshot> snapshots = new ArrayList<>();
    private final Invariants invariants = new Invariants();
    private long time;
    private Optional<String> broken = Optional.empty();

    GoldenRun(long start) {
        this.time = start;
    }

    /** Appends the step's record and returns its document as a JSON tree; if that throws, later steps cannot run. */
    JsonNode apply(GoldenStep step) {
        broken.ifPresent(reason -> {
            throw new IllegalStateException("not run: " + reason);
        });
        try {
            CommandRecord record = step.record(journal.size() + 1L, step.time(time));
            EventDocument document = engine.apply(record);
            journal.add(record);
            documents.add(document);
            time = document.time();
            EngineSnapshot snapshot = engine.snapshot();
            snapshots.add(snapshot);
            invariants.observe(document);
            return tree(document);
        } catch (RuntimeException e) {
            broken = Optional.of(step.file() + " " + step.label() + " threw " + e);
            throw e;
        }
    }

    /** Checks the invariants on the state after the last step. */
    void checkInvariants() {
        invariants.check(snapshots.getLast());
    }

    boolean broken() {
        return broken.isPresent();
    }

    static JsonNode tree(EventDocument document) {
        try {
            return JournalCodec.mapper().readTree(JournalCodec.write(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
