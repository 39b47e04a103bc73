package fundexchange.journal.chronicle;

import fundexchange.build.BuildInfo;
import java.util.List;
import java.util.Optional;

/**
 * One cycle file of a journal as {@link JournalFrames} read it: its documents (numbered 1, 2, ... across the whole
 * journal in file order) and the writers recorded in it (docs/journal-format.md, Writer provenance).
 *
 * @param file          the cycle file's name, e.g. {@code 20261206F.cq4}
 * @param firstDocument the number of its first document (one past the previous file's last, if it holds none)
 * @param documents     how many complete documents it holds
 * @param writers       the provenance records in file order, each with the number of the document it precedes
 */
public record JournalSegment(String file, long firstDocument, long documents, List<Writer> writers) {
    public JournalSegment {
        writers = List.copyOf(writers);
    }

    /** A provenance record: {@code build} wrote the documents from number {@code fromDocument} on. */
    public record Writer(long fromDocument, BuildInfo build) {
    }

    /**
     * The build that wrote the file's first record: the provenance record before its first document. Empty for a file
     * written before provenance records existed (a later writer's record then follows documents), or without documents.
     */
    public Optional<BuildInfo> firstRecordWriter() {
        return writers.isEmpty() || writers.getFirst().fromDocument() != firstDocument
                ? Optional.empty() : Optional.of(writers.getFirst().build());
    }
}
