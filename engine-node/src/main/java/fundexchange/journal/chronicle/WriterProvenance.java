package fundexchange.journal.chronicle;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.build.BuildInfo;
import fundexchange.journal.JournalCodec;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Which build wrote a journal's records: a Chronicle metadata record (header bit 30), written before the first
 * document a writer appends to each cycle file (docs/journal-format.md, Writer provenance). Every reader of documents
 * skips metadata, so it takes no index, enters no digest, chain or state hash, and changes no document.
 *
 * @param build the version and commit of the writing build ({@code exchange --version})
 */
public record WriterProvenance(BuildInfo build) {
    static final String TYPE = "WriterProvenance";
    private static final int VERSION = 1;
    private static final int MAX_BYTES = 1024;

    /** The record's bytes: compact JSON, {@code {"commit":...,"softwareVersion":...,"type":"WriterProvenance","version":1}}. */
    public byte[] bytes() {
        return JournalCodec.write(Map.of("version", VERSION, "type", TYPE, "softwareVersion", build.version(),
                "commit", build.commit()));
    }

    /** The provenance a metadata record holds, or empty when it is another metadata record (Chronicle's own). */
    static Optional<WriterProvenance> parse(byte[] metadata) {
        if (metadata.length == 0 || metadata.length > MAX_BYTES || metadata[0] != '{') {
            return Optional.empty();
        }
        try {
            JsonNode tree = JournalCodec.mapper().readTree(metadata);
            if (tree == null || !TYPE.equals(tree.path("type").asText())) {
                return Optional.empty();
            }
            return Optional.of(new WriterProvenance(new BuildInfo(tree.path("softwareVersion").asText(null),
                    tree.path("commit").asText(null))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
