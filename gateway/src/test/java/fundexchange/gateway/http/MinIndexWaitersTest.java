package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.gateway.http.MinIndexWaiters.Entry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The places of waiting reads: capped per source and per participant, given back on leaving, counted for whoever
 * awaits them.
 */
class MinIndexWaitersTest {
    @Test
    void eachSourceHasItsOwnPlacesAndALeavingReadGivesItsPlaceBack() throws Exception {
        MinIndexWaiters waiters = new MinIndexWaiters(2, 8);
        List<Entry> entered = List.of(waiters.enter(ReadSource.REGISTRY, "Holder-01"),
                waiters.enter(ReadSource.REGISTRY, "Holder-02"), waiters.enter(ReadSource.REGISTRY, "Holder-03"),
                waiters.enter(ReadSource.VIEW, "Holder-03"), waiters.enter(ReadSource.AUDIT_INDEX, "Holder-03"));
        assertEquals(List.of(Entry.ENTERED, Entry.ENTERED, Entry.SOURCE_FULL, Entry.ENTERED, Entry.ENTERED), entered);
        assertEquals(4, waiters.waiting());
        assertEquals(true, waiters.awaitWaiting(4, Duration.ZERO));
        assertEquals(false, waiters.awaitWaiting(5, Duration.ZERO));
        waiters.leave(ReadSource.REGISTRY, "Holder-01");
        assertEquals(List.of(Entry.ENTERED, Entry.SOURCE_FULL), List.of(waiters.enter(ReadSource.REGISTRY, "Holder-03"),
                waiters.enter(ReadSource.REGISTRY, "Holder-01")));
    }

    /** One participant cannot take every place of a source: beyond its own cap only it is refused. */
    @Test
    void aParticipantBeyondItsOwnCapIsRefusedWhileOthersStillFindPlaces() {
        MinIndexWaiters waiters = new MinIndexWaiters(256, 2);
        List<Entry> entered = List.of(waiters.enter(ReadSource.REGISTRY, "Holder-01"),
                waiters.enter(ReadSource.VIEW, "Holder-01"), waiters.enter(ReadSource.REGISTRY, "Holder-01"),
                waiters.enter(ReadSource.AUDIT_INDEX, "Holder-01"), waiters.enter(ReadSource.REGISTRY, "Holder-02"));
        assertEquals(List.of(Entry.ENTERED, Entry.ENTERED, Entry.PARTICIPANT_FULL, Entry.PARTICIPANT_FULL,
                Entry.ENTERED), entered, "the cap counts every source");
        assertEquals(3, waiters.waiting());
        waiters.leave(ReadSource.VIEW, "Holder-01");
        assertEquals(Entry.ENTERED, waiters.enter(ReadSource.REGISTRY, "Holder-01"), "a place given back is free again");
    }
}
