package fundexchange.protocol;

import fundexchange.protocol.event.Event;
import java.util.List;

/**
 * The one event-journal document per command (CONTRACTS.md 5). Events fired by deadlines that fell due before the
 * command come first, then the command's own events.
 */
public record EventDocument(int version, long sourceIndex, long time, String participant, String clientRequestId,
                            Outcome outcome, List<Event> events) {
    public static final int VERSION = 1;

    public EventDocument {
        events = List.copyOf(events);
    }
}
