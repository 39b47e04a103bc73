package fundexchange.gateway.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A listener that throws is dropped and told so; the others hear of every document, and nothing reaches the caller. */
class FeedListenersTest {
    @Test
    void aFailingListenerIsDroppedAndTheOthersGoOnHearingOfEveryDocument() {
        FeedListeners listeners = new FeedListeners();
        List<String> heard = new ArrayList<>();
        listeners.add(new GatewayView.FeedListener() {
            @Override
            public void applied(EventDocument doc, Set<String> viewers) {
                heard.add("failing " + doc.sourceIndex());
                throw new IllegalStateException("broken");
            }

            @Override
            public void dropped(RuntimeException cause) {
                heard.add("dropped: " + cause.getMessage());
            }
        });
        listeners.add((doc, viewers) -> heard.add("healthy " + doc.sourceIndex()));
        listeners.applied(document(1), Set.of());
        listeners.applied(document(2), Set.of());
        assertEquals(List.of("failing 1", "dropped: broken", "healthy 1", "healthy 2"), heard);
    }

    private static EventDocument document(long index) {
        return new EventDocument(EventDocument.VERSION, index, 1_000L * index, "Staff-01", "r-" + index,
                Outcome.ACCEPTED, List.of());
    }
}
