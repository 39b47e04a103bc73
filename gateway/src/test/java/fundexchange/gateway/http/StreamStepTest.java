package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.gateway.stream.StreamSession;
import fundexchange.gateway.view.FeedEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A live stream's turn reads the view's applied index before the caller's standing, so a suspension applied between
 * the two is seen and none of its entries is sent.
 */
class StreamStepTest {
    private static final StreamSession.Closing SUSPENDED = new StreamSession.Closing(403, 140, "suspended");

    /**
     * The view applies index 5 (the caller's suspension, and a feed entry) right after whichever of the two reads
     * comes first: read in the other order, the standing would still be ACTIVE and the applied index 5, so the entry
     * of 5 would be sent.
     */
    @Test
    void aSuspensionAppliedBetweenTheTwoReadsEndsTheStreamWithNothingOfItSent() {
        View view = new View();
        StreamHandler.Step step = StreamHandler.step(view::applied, view::standing, () -> List.of(entry(5)));
        assertEquals(new StreamHandler.Step(Optional.of(SUSPENDED), List.of(), 4), step);
    }

    @Test
    void anActiveCallersPageEndsAtTheIndexReadBeforeItsStanding() {
        StreamHandler.Step step = StreamHandler.step(() -> 4, Optional::empty,
                () -> List.of(entry(3), entry(4), entry(5)));
        assertEquals(new StreamHandler.Step(Optional.empty(), List.of(entry(3), entry(4)), 4), step);
    }

    private static FeedEntry entry(long index) {
        return new FeedEntry(index, 1_000L * index, "event", Map.of("index", index));
    }

    /** At index 4 with its caller ACTIVE until its first read, at index 5 with the caller SUSPENDED after it. */
    private static final class View {
        private boolean advanced;

        long applied() {
            long index = advanced ? 5 : 4;
            advanced = true;
            return index;
        }

        Optional<StreamSession.Closing> standing() {
            Optional<StreamSession.Closing> standing = advanced ? Optional.of(SUSPENDED) : Optional.empty();
            advanced = true;
            return standing;
        }
    }
}
