package fundexchange.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.journal.JournalCodec;

/** Test-side edits of a snapshot by component name, through its JSON form, so tests survive new snapshot fields. */
final class SnapshotEdit {
    private SnapshotEdit() {
    }

    static EngineSnapshot with(EngineSnapshot snapshot, String component, Object value) {
        ObjectNode node = JournalCodec.mapper().valueToTree(snapshot);
        node.set(component, JournalCodec.mapper().valueToTree(value));
        return JournalCodec.mapper().convertValue(node, EngineSnapshot.class);
    }
}
