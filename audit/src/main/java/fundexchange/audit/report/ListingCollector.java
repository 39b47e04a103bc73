package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The day's listing events, and the distinct listings per mechanism and state. */
final class ListingCollector {
    private final Directory directory;
    private final Map<String, Map<String, Set<Long>>> listings = new TreeMap<>();
    private final List<ListingActivity> activity = new ArrayList<>();

    ListingCollector(Directory directory) {
        this.directory = directory;
        ListingMechanisms.KNOWN.forEach(this::states);
    }

    void accept(JournalDocument doc, String type, JsonNode event) {
        Optional<String> state = ListingMechanisms.stateOf(type, event);
        if (state.isEmpty()) {
            return;
        }
        long listingId = Json.number(event, "listingId");
        String mechanism = directory.mechanism(listingId);
        states(mechanism).computeIfAbsent(state.get(), s -> new TreeSet<>()).add(listingId);
        activity.add(new ListingActivity(doc.sourceIndex(), doc.localTime(), listingId, mechanism, state.get(), type));
    }

    private Map<String, Set<Long>> states(String mechanism) {
        return listings.computeIfAbsent(mechanism, m -> {
            Map<String, Set<Long>> byState = new TreeMap<>(Comparator.comparing(ListingMechanisms::order));
            ListingMechanisms.STANDARD_STATES.forEach(s -> byState.put(s, new TreeSet<>()));
            return byState;
        });
    }

    ListingsSection build() {
        List<ListingCount> counts = new ArrayList<>();
        listings.forEach((mechanism, byState) -> byState.forEach(
                (state, ids) -> counts.add(new ListingCount(mechanism, state, ids.size()))));
        return new ListingsSection(counts, activity);
    }
}
