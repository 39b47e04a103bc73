package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Counts events by raw type name, for types the engine may not emit yet (failed settlements, pledges, freezes). */
final class WatchedCollector {
    private final List<String> types;
    private final long[] counts;
    private final List<RawEvent> events = new ArrayList<>();
    private boolean seen;

    WatchedCollector(List<String> types) {
        this.types = List.copyOf(types);
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
        String note = seen ? null : "No " + String.join(" or ", types) + " event in the journal up to this day: the engine"
                + " does not emit " + (types.size() == 1 ? "this type" : "these types") + " yet.";
        return new WatchedEvents(byType, events, note);
    }
}
