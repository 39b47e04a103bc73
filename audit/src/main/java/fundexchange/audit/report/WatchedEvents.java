package fundexchange.audit.report;

import java.util.List;

/**
 * Events counted by their raw {@code type} name, so the section fills as soon as the engine emits them.
 *
 * @param byType one count per watched type, in the section's order (zero counts included)
 * @param events the day's events of those types, whole, with their properties sorted
 * @param note   present when no event of these types occurs in the journal up to the day's end
 */
public record WatchedEvents(List<TypeCount> byType, List<RawEvent> events, String note) {
    public WatchedEvents {
        byType = List.copyOf(byType);
        events = List.copyOf(events);
    }
}
