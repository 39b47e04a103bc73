package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Counts events by raw type name (failed settlements, pledges and freezes), read as journaled JSON. */
final class WatchedCollector {
    private final List<String> types;
    private final boolean emitted;
    private final long[] counts;
    private final List<RawEvent> events = new ArrayList<>();
    private boolean seen;

    /** @param emitted whether the engine emits these types today (else the report says it does not yet) */
    WatchedCollector(List<String> types, boolean emitted) {
        this.types = List.copyOf(types);
        this.emitted = emitted;
        this.counts = new long[types.size()];
    }

    void accept(JournalDocument doc, String type, JsonNode event, boolean onDay) {
        int position = types.indexOf(type);
        if (position < 0) {
            return;
        }
        seen = true;
        if (onDay) {
            counts[position]++;
            events.add(new RawEvent(doc.sourceIndex(), doc.localTime(), type, Json.sorted(event)));
        }
    }

    WatchedEvents build() {
        List<TypeCount> byType = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            byType.add(new TypeCount(types.get(i), counts[i]));
        }
        String none = "No " + String.join(" or ", types) + " event in the journal up to this day";
        String note = seen ? null : emitted ? none + "." : none + ": the engine does not emit "
                + (types.size() == 1 ? "this type" : "these types") + " yet.";
        return new WatchedEvents(byType, events, note);
    }
}
